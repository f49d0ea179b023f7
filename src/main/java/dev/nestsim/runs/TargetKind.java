package dev.nestsim.runs;

/** What a run's workload runs on: a VM (at its level), or a host natively (level 0). */
public enum TargetKind {
    VM,
    HOST
}
