package dev.nestsim.runs;

/** Which path started an execution: this instance's executor right after submission or a sweep, or a JobRunr job. */
enum Via {
    LOCAL,
    JOBRUNR
}
