package cn.govdata.support;

/** Citizen ID numbers for tests, with the GB 11643 check character computed independently of the platform. */
public final class IdNumbers {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** An 18-character ID number: region (6 digits), birth date (yyyyMMdd), sequence (3 digits), check character. */
    public static String of(String region, String birth, String sequence) {
        String first17 = region + birth + sequence;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }
}
