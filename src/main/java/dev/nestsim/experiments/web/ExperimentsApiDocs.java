package dev.nestsim.experiments.web;

/** Shared bits of the experiments API's OpenAPI annotations. */
final class ExperimentsApiDocs {

    static final String PROBLEM = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Optional. A retry with the same key and body returns the first response (with "
            + "Idempotent-Replayed: true) and creates nothing; the same key with a different body is 422. Keys are kept 24 h.";
    static final String PAGE = "Page number, from 0 to 21474836 (so that page x size stays below 2^31)";
    static final String SIZE = "Page size, 1 to 100";

    static final String INVALID_EXPERIMENT = """
            {"type":"https://nestsim.dev/problems/invalid-request","title":"The request is invalid","status":400,\
            "detail":"3 problems (exactly-one-target, known-workload, parameter-range): see errors","instance":"/api/v1/experiments",\
            "errors":[\
            {"field":"targets[2]","pointer":"/targets/2","rule":"exactly-one-target","message":"targets[2] must name exactly one of vmId (to run in a VM) or hostId (to run natively on a host)"},\
            {"field":"workloads[0].workload","pointer":"/workloads/0/workload","rule":"known-workload","message":"workloads[0].workload must be one of [hypercall, device-notify, ...], was 'x'"},\
            {"field":"workloads[1].parameters.clientThreads","pointer":"/workloads/1/parameters/clientThreads","rule":"parameter-range","message":"clientThreads must be between 1 and 16 threads, was 99"}]}""";
    static final String UNKNOWN_TARGET = """
            {"type":"https://nestsim.dev/problems/rule-violation","title":"The request breaks a topology rule","status":422,\
            "detail":"1 problem (target-exists): see errors","instance":"/api/v1/experiments","errors":[\
            {"field":"targets[1].vmId","pointer":"/targets/1/vmId","rule":"target-exists","message":"no VM with id 00000000-0000-0000-0000-000000000000"}]}""";
    static final String STILL_RUNNING = """
            {"type":"https://nestsim.dev/problems/in-use","title":"The resource is in use by queued or running work","status":409,\
            "detail":"experiment 5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70 is RUNNING: cancel it first (POST /api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70/cancel), or wait until it has finished",\
            "instance":"/api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70"}""";
    static final String EXPERIMENT = """
            {"id":"5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70","name":"timer sweep","status":"RUNNING","seed":42,"replications":5,\
            "configurations":[{"name":"L1","vmId":"9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d","provisioned":false},\
            {"name":"native","hostId":"0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11","provisioned":false}],\
            "workloads":[{"workload":"program-timer","parameters":{}}],\
            "progress":{"cellsDone":1,"cellsTotal":2,"replicationsDone":7,"replicationsTotal":10,"percent":70.0},\
            "cells":[{"position":0,"configuration":"L1","workload":"program-timer","runId":"3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c","status":"SUCCEEDED"},\
            {"position":1,"configuration":"native","workload":"program-timer","runId":"30b0c391-20d5-4cac-91a4-5d6a53181cee","status":"RUNNING"}],\
            "createdAt":"2026-01-10T09:00:00.120Z","startedAt":"2026-01-10T09:00:00.125Z",\
            "links":{"self":"/api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70","cancel":"/api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70/cancel"}}""";

    private ExperimentsApiDocs() {
    }
}
