package cn.govdata;

/** Lets tests in other packages run the command-line verbs without exiting the JVM. */
public final class GovdataApplicationAccess {

    private GovdataApplicationAccess() {
    }

    public static int verify(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "audit-verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return GovdataApplication.verifyAuditLog(all);
    }
}
