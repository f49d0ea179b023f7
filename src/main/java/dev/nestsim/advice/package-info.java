/**
 * The advisor: for a workload, a host and a depth, the configurations the topology rules allow (every knob: I/O model, DVH
 * mechanisms, virtual IOMMU mode, posted interrupts, VMCS shadowing exposure, halt polling), screened with the exit
 * cascade's analytic estimate, the most promising simulated as an experiment, ranked against the user's objective and
 * constraints, each with what it needs and the provisioning bodies that create it.
 */
package dev.nestsim.advice;
