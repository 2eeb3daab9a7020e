package cn.govdata.open.ckan;

import org.springframework.context.ApplicationContext;

/** For bench/open-portal.sh only: waits until the open-data index, rebuilt at start, answers searches. */
public final class PackageIndexBenchAccess {

    private PackageIndexBenchAccess() {
    }

    public static void awaitReady(ApplicationContext context) throws InterruptedException {
        PackageIndex index = context.getBean(PackageIndex.class);
        while (!index.ready()) {
            Thread.sleep(200);
        }
    }
}
