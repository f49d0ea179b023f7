/**
 * The simulated machine of one replication: its SSJ clock and event list ({@link
 * dev.nestsim.model.workload.machine.Sim}, {@link dev.nestsim.model.workload.machine.SimEvent}), the CPUs of every
 * level ({@link dev.nestsim.model.workload.machine.Cpu}) with their interrupt and thread queues, preemption, the
 * idle and wake-up chain of a halted vCPU ({@link dev.nestsim.model.workload.machine.IdleChain}), IPIs and injected
 * interrupts ({@link dev.nestsim.model.workload.machine.Signals}), the prices of guest events on the leaf's path
 * ({@link dev.nestsim.model.workload.machine.Platform}), the guest software's own costs ({@link
 * dev.nestsim.model.workload.machine.StackParam}), and the accounts that book every cycle and exit per level and
 * exit reason. Depends on the exit cascade only; nothing here knows networks or applications.
 */
package dev.nestsim.model.workload.machine;
