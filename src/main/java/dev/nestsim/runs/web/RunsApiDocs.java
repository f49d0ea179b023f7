package dev.nestsim.runs.web;

/** Shared bits of the runs API's OpenAPI annotations. */
final class RunsApiDocs {

    static final String PROBLEM = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Optional. A retry with the same key and body returns the first response (with "
            + "Idempotent-Replayed: true) and creates nothing; the same key with a different body is 422. Keys are kept 24 h.";
    static final String PAGE = "Page number, from 0";
    static final String SIZE = "Page size, 1 to 100";

    static final String INVALID_RUN = """
            {"type":"https://nestsim.dev/problems/invalid-request","title":"The request is invalid","status":400,\
            "detail":"3 fields are invalid: replications must be between 1 and 1000 for device-notify, was 0; \
            target.vmId no VM with id 00000000-0000-0000-0000-000000000000; workload must be one of [hypercall, device-notify, ...], was 'x'",\
            "instance":"/api/v1/runs","errors":[\
            {"field":"replications","pointer":"/replications","rule":"replications-range","message":"replications must be between 1 and 1000 for device-notify, was 0"},\
            {"field":"target.vmId","pointer":"/target/vmId","rule":"target-exists","message":"no VM with id 00000000-0000-0000-0000-000000000000"},\
            {"field":"workload","pointer":"/workload","rule":"known-workload","message":"workload must be one of [hypercall, device-notify, ...], was 'x'"}]}""";
    static final String UNKNOWN_TARGET = """
            {"type":"https://nestsim.dev/problems/rule-violation","title":"The request breaks a topology rule","status":422,\
            "detail":"no VM with id 00000000-0000-0000-0000-000000000000","instance":"/api/v1/runs","errors":[\
            {"field":"target.vmId","pointer":"/target/vmId","rule":"target-exists","message":"no VM with id 00000000-0000-0000-0000-000000000000"}]}""";
    static final String QUEUE_FULL = """
            {"type":"https://nestsim.dev/problems/queue-full","title":"Too many runs are queued","status":429,\
            "detail":"100 runs are queued, the most this service accepts is 100: retry after 5 s, when some have started","instance":"/api/v1/runs"}""";
    static final String NOT_SUCCEEDED = """
            {"type":"https://nestsim.dev/problems/run-not-succeeded","title":"The run has no result","status":409,\
            "detail":"run 3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c is RUNNING: its result is there once it is SUCCEEDED; \
            watch GET /api/v1/runs/3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c","instance":"/api/v1/runs/3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c/result"}""";
    static final String RUN = """
            {"id":"3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c","status":"RUNNING","workload":"device-notify",\
            "target":{"vmId":"9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d"},"level":2,"parameters":{},"replications":10,"seed":42,\
            "progress":{"done":4,"total":10,"percent":40.0},"attempts":1,"executor":"node-1/5c1f2a9d","cancelRequested":false,\
            "createdAt":"2026-01-10T09:00:00.120Z","startedAt":"2026-01-10T09:00:00.125Z",\
            "links":{"self":"/api/v1/runs/3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c","cancel":"/api/v1/runs/3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c/cancel"}}""";
    static final String RESULT = """
            {"runId":"3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c","workload":"device-notify","target":{"vmId":"9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d"},\
            "level":2,"parameters":{},"seed":42,"replications":10,\
            "primary":{"name":"cycles","unit":"cycles/operation","level":null,"mean":61348.0,"halfWidth":0.0,"confidence":0.95,"n":10},\
            "normalizedToNative":{"mean":0.0134,"halfWidth":0.0,"confidence":0.95,"n":10},\
            "metrics":[{"name":"cycles","unit":"cycles/operation","level":null,"mean":61348.0,"halfWidth":0.0,"confidence":0.95,"n":10},\
            {"name":"exits","unit":"exits/operation","level":0,"mean":7.0,"halfWidth":0.0,"confidence":0.95,"n":10}]}""";
    static final String RESULT_CSV = """
            run_id,workload,target_kind,target_id,run_level,name,unit,level,mean,half_width,confidence,n
            3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c,device-notify,VM,9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d,2,cycles,cycles/operation,,61348.0,0.0,0.95,10
            3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c,device-notify,VM,9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d,2,exits,exits/operation,0,7.0,0.0,0.95,10
            3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c,device-notify,VM,9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d,2,normalizedToNative,ratio,,0.0134,0.0,0.95,10
            """;

    private RunsApiDocs() {
    }
}
