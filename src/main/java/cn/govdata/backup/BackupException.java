package cn.govdata.backup;

/** Why a backup or restore was refused or failed; its message is for the operator who ran the command. */
public class BackupException extends RuntimeException {

    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
