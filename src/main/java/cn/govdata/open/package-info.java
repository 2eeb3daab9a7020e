/** Open data for the public (开放) */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared","audit","org","policy","catalog","lake","security"}) package cn.govdata.open;
