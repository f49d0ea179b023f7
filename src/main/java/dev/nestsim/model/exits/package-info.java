/**
 * The exit cascade (docs/model.md sections 2 and 3): what each guest event costs on a path, computed by walking
 * how the exit travels through the levels of hypervisors, never looked up.
 *
 * <p>Hardware knows one level of virtualization, so every exit first reaches L0. L0 either handles the
 * event itself (an L1 guest's exit, a DVH bypass, an emulated-shadowing VMREAD) or reflects it up to the
 * guest's own hypervisor, whose handler executes privileged operations that are events at its own level,
 * routed by the same rules: the exit multiplication of nested virtualization. {@link CascadeEngine} states
 * the recurrence; {@link Route} says who handles an event; {@link KvmHandlers} lists what KVM's handler
 * for each exit executes (read from Linux 4.18 arch/x86/kvm/vmx.c and 5.10 arch/x86/kvm/vmx/); {@link Calibration} holds every parameter with its
 * value, unit and source.
 */
package dev.nestsim.model.exits;
