package cn.govdata.lake.sealing;

/**
 * A sealed value that does not open: altered in the database, or sealed under a key version the key file no longer
 * holds. Never answered as a value: the read fails and says which.
 */
public class SealBroken extends IllegalStateException {

    SealBroken(String message) {
        super(message);
    }
}
