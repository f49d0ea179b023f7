package dev.nestsim.runs.web;

/** Shared bits of the runs API's OpenAPI annotations. */
final class RunsApiDocs {

    static final String PROBLEM = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Optional. A retry with the same key and body returns the first response (with "
            + "Idempotent-Replayed: true) and creates nothing; the same key with a different body is 422. Keys are kept 24 h.";
    static final String PAGE = "Page number, from 0 to 21474836 (so that page x size stays below 2^31)";
    static final String SIZE = "Page size, 1 to 100";

    static final String INVALID_RUN = """
            {"type":"https://nestsim.dev/problems/invalid-request","title":"The request is invalid","status":400,\
            "detail":"3 problems (known-workload, replications-range, target-exists): see errors",\
            "instance":"/api/v1/runs","errors":[\
            {"field":"replications","pointer":"/replications","rule":"replications-range","message":"replications must be between 1 and 1000 for device-notify, was 0"},\
            {"field":"target.vmId","pointer":"/target/vmId","rule":"target-exists","message":"no VM with id 00000000-0000-0000-0000-000000000000"},\
            {"field":"workload","pointer":"/workload","rule":"known-workload","message":"workload must be one of [hypercall, device-notify, ...], was 'x'"}]}""";
    static final String UNKNOWN_TARGET = """
            {"type":"https://nestsim.dev/problems/rule-violation","title":"The request breaks a topology rule","status":422,\
            "detail":"1 problem (target-exists): see errors","instance":"/api/v1/runs","errors":[\
            {"field":"target.vmId","pointer":"/target/vmId","rule":"target-exists","message":"no VM with id 00000000-0000-0000-0000-000000000000"}]}""";
    static final String QUEUE_FULL = """
            {"type":"https://nestsim.dev/problems/queue-full","title":"Too many runs are queued","status":429,\
            "detail":"100 runs are queued, the most this service accepts is 100: retry after 5 s, when some have started","instance":"/api/v1/runs"}""";
    static final String NOT_SUCCEEDED = """
            {"type":"https://nestsim.dev/problems/run-not-succeeded","title":"The run has no result","status":409,\
            "detail":"run 30b0c391-20d5-4cac-91a4-5d6a53181cee is RUNNING: its result is there once it is SUCCEEDED; \
            watch GET /api/v1/runs/30b0c391-20d5-4cac-91a4-5d6a53181cee","instance":"/api/v1/runs/30b0c391-20d5-4cac-91a4-5d6a53181cee/result"}""";
    static final String RUN = """
            {"id":"30b0c391-20d5-4cac-91a4-5d6a53181cee","status":"RUNNING","workload":"memcached",\
            "target":{"vmId":"7a2cfe3e-65ef-424f-8ebc-f2261e31435f"},"level":2,"parameters":{},"replications":3,"seed":42,\
            "progress":{"done":1,"total":3,"percent":33.3},"attempts":1,"executor":"node-1/5c1f2a9d","cancelRequested":false,\
            "createdAt":"2026-01-10T09:00:00.120Z","startedAt":"2026-01-10T09:00:00.125Z",\
            "links":{"self":"/api/v1/runs/30b0c391-20d5-4cac-91a4-5d6a53181cee","cancel":"/api/v1/runs/30b0c391-20d5-4cac-91a4-5d6a53181cee/cancel"}}""";
    /** A real result: device-notify (analytic: one evaluation), seed 42, in an L2 virtio VM under a plain L1 on the paper's testbed host. */
    static final String RESULT = """
            {"runId":"30b0c391-20d5-4cac-91a4-5d6a53181cee","workload":"device-notify","target":{"vmId":"7a2cfe3e-65ef-424f-8ebc-f2261e31435f"},\
            "level":2,"parameters":{},"seed":42,"replications":1,\
            "primary":{"name":"cycles","unit":"cycles/operation","level":null,"reason":null,"mean":26471,"halfWidth":0,"confidence":0.95,"n":1},\
            "normalizedToNative":{"mean":0.0056665785198896906,"halfWidth":0,"confidence":0.95,"n":1},"cyclesVsNative":176.473,\
            "metrics":[{"name":"cycles","unit":"cycles/operation","level":null,"reason":null,"mean":26471,"halfWidth":0,"confidence":0.95,"n":1},\
            {"name":"latency","unit":"us/operation","level":null,"reason":null,"mean":12.032272727272728,"halfWidth":0,"confidence":0.95,"n":1},\
            {"name":"exits","unit":"exits/operation","level":0,"reason":null,"mean":0,"halfWidth":0,"confidence":0.95,"n":1},\
            {"name":"cycles","unit":"cycles/operation","level":0,"reason":null,"mean":19037,"halfWidth":0,"confidence":0.95,"n":1},\
            {"name":"exits","unit":"exits/operation","level":1,"reason":null,"mean":2,"halfWidth":0,"confidence":0.95,"n":1},\
            {"name":"cycles","unit":"cycles/operation","level":1,"reason":null,"mean":7434,"halfWidth":0,"confidence":0.95,"n":1},\
            {"name":"exits","unit":"exits/operation","level":2,"reason":null,"mean":1,"halfWidth":0,"confidence":0.95,"n":1},\
            {"name":"cycles","unit":"cycles/operation","level":2,"reason":null,"mean":0,"halfWidth":0,"confidence":0.95,"n":1}]}""";
    /** The same result as CSV. */
    static final String RESULT_CSV = """
            run_id,workload,target_kind,target_id,run_level,name,unit,level,reason,mean,half_width,confidence,n
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,cycles,cycles/operation,,,26471.0,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,latency,us/operation,,,12.032272727272728,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,exits,exits/operation,0,,0.0,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,cycles,cycles/operation,0,,19037.0,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,exits,exits/operation,1,,2.0,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,cycles,cycles/operation,1,,7434.0,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,exits,exits/operation,2,,1.0,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,cycles,cycles/operation,2,,0.0,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,normalizedToNative,ratio,,,0.0056665785198896906,0.0,0.95,1
            30b0c391-20d5-4cac-91a4-5d6a53181cee,device-notify,VM,7a2cfe3e-65ef-424f-8ebc-f2261e31435f,2,cyclesVsNative,ratio,,,176.473,0.0,0.95,1
            """;

    private RunsApiDocs() {
    }
}
