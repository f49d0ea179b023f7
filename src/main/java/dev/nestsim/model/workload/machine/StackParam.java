package dev.nestsim.model.workload.machine;

/**
 * Every native-cost parameter of the workload simulation, in one place, with its value, unit and source
 * (docs/workloads.md section 4 renders them). These are the cycles of ordinary kernel and application code, which cost the same at
 * any level because guest code runs natively (the virtualization costs come from the exit cascade, never
 * from here), plus a few physical latencies.
 *
 * <p>Sources name the Linux or QEMU code, the commit or the published measurement each figure rests on; [est]
 * marks an estimate of a code path with its basis, [3rd] a third-party measurement on other hardware. Nothing here
 * is fitted to a nested or virtualized measurement: the native figures are estimates of the code paths, and the only
 * figures used as checks are native ones (TCP_STREAM at line rate, TCP_RR in the tens of thousands).
 */
public enum StackParam {
    // --- guest (or native) kernel networking, per occurrence --------------------------------------------
    IRQ_NAPI_ENTRY(1500, 1000, 2500, "cycles", "interrupt entry, driver handler, softirq raise, NAPI schedule and complete (per NAPI cycle)",
            "[est]: RX with irq, NAPI, IP/TCP and wake-up 1.5-2.5 us per packet, consistent with native 1-byte TCP_RR near 58k/s; this is the per-interrupt part"),
    RX_PACKET(2200, 1500, 3500, "cycles", "one small received packet: driver RX, GRO, IP, TCP receive, socket enqueue",
            "[est]: the per-packet part of RX 1.5-2.5 us"),
    RX_GSO_SKB(4500, 3000, 7000, "cycles", "one 64 KiB GSO packet received from a virtio device: ~16 mergeable buffers, TCP receive",
            "virtio_net.c get_mergeable_buf_len: a 64 KiB packet spans ~16 mergeable buffers; per-buffer cost of RX_PACKET's driver part [est]"),
    RX_WIRE_FRAME(700, 400, 1200, "cycles", "one 1500-byte wire frame in a physical NIC driver with GRO (native host or L0)",
            "[est]: ixgbe RX + GRO merge per frame; 812,744 frames/s at 10 Gb/s then cost ~0.26 core"),
    ACK_RX(1500, 800, 2500, "cycles", "TCP processing of a pure ACK (clean the retransmit queue, grow cwnd)", "[est] of tcp_ack (net/ipv4/tcp_input.c)"),
    ACK_TX(2000, 1200, 3000, "cycles", "building and sending a pure ACK from the receive path", "[est]; one ACK per GRO skb (tcp_input.c __tcp_ack_snd_check)"),
    SYSCALL_RECV(1500, 800, 2500, "cycles", "recv/read syscall with tcp_recvmsg and a small copy", "[est] of tcp_recvmsg"),
    SEND_SMALL(3300, 2200, 4400, "cycles", "tcp_sendmsg, tcp_write_xmit, IP, qdisc and driver start_xmit of one small skb",
            "[est]: TX (syscall + TCP output + driver) 1.5-2 us"),
    QDISC_XMIT(400, 200, 800, "cycles", "the qdisc owner's dequeue and start_xmit of a packet another CPU queued while it held the device",
            "[est] of net/sched/sch_generic.c qdisc_restart and sch_direct_xmit (the sender's TCP output and enqueue are in SEND_SMALL)"),
    SEND_TSO_SKB(5000, 3000, 8000, "cycles", "TCP output, skb build and driver xmit of one 64 KiB TSO skb (copy counted apart)", "[est]; skb size from tcp_output.c tcp_tso_autosize"),
    COPY_PER_BYTE(0.5, 0.3, 0.8, "cycles/byte", "user-kernel copy of payload", "netperf README example: service demand 0.320 us/KB sent, 0.514 us/KB received [3rd], copy share [est]"),
    THREAD_WAKE(1100, 700, 2000, "cycles", "try_to_wake_up: select the CPU, enqueue, check preemption (without the IPI)", "[est] ~0.5 us (kernel/sched/core.c try_to_wake_up)"),
    SCHED_IPI_HANDLER(600, 300, 1000, "cycles", "scheduler_ipi on the receiving CPU: the wake list, need_resched", "[est] (kernel/sched/core.c scheduler_ipi)"),
    TICK_HANDLER(2500, 1500, 4000, "cycles", "one periodic tick: update_process_times, scheduler_tick, RCU", "[est] (kernel/time/tick-sched.c, kernel/sched/core.c scheduler_tick)"),
    EPOLL_WAIT(1500, 800, 2500, "cycles", "epoll_wait returning ready connections", "[est] (fs/eventpoll.c)"),
    TLB_FLUSH_PER_PAGE(220, 100, 300, "cycles", "one page's INVLPG in a TLB shootdown, on the CPU that unmaps and on every CPU it flushes",
            "Linux 4.18 arch/x86/mm/tlb.c: 'Each single flush is about 100 ns' (below 33 pages a range is flushed page by page)"),
    SHOOTDOWN_HANDLER(600, 300, 1200, "cycles", "flush_tlb_func_remote besides its INVLPGs: the call-function IPI's entry, the tlb_gen check, the ack",
            "smp_call_function_many with wait [est]"),
    HZ(250, 100, 1000, "1/s", "periodic tick rate of a busy CPU (CONFIG_HZ)", "HZ = 250 assumed (Ubuntu generic config; the DVH artifact does not publish its kernel config)"),

    // --- hypervisor I/O software, per packet, native at the level that runs it -----------------------------
    VHOST_PACKET(1000, 600, 1500, "cycles", "vhost-net and tun per packet: descriptors, tap socket, used ring (copy counted apart)",
            "vhost + tun + host stack 1,500-2,400 cycles per small packet one way [est from the 0.9-1.5 Mpps of J. Wang's "
                    + "'tun: rx batching' and 'tun: switch to use skb array for tx' commits]; "
                    + "with BRIDGE_PACKET and NIC_XMIT a transmitted packet costs the top of that range"),
    VHOST_COPY_PER_BYTE(0.35, 0.2, 0.6, "cycles/byte", "vhost copy of payload between a guest's buffers and host skbs", "[est]: vhost copy ~0.3-0.6 core at 9.4 Gb/s"),
    VHOST_ZEROCOPY_PER_PAGE(300, 150, 600, "cycles/page", "vhost zero-copy transmit of a buffer of 256 B or more: pin one 4 KiB page and attach it",
            "drivers/vhost/net.c: experimental_zcopytx on in 4.18 (off by default since commit 098eadce3c62) [est per page]"),
    TX_CLEAN(400, 200, 800, "cycles", "freeing transmitted buffers in a physical NIC driver's poll", "[est]"),
    TX_COMPLETION_DELAY_US(4, 2, 10, "us", "from a physical NIC's transmit to its completion interrupt",
            "ixgbe dynamic ITR (IXGBE_100K_ITR), at least 10 us between interrupts in low-latency mode, after the RX interrupt [est]"),
    BRIDGE_PACKET(700, 400, 1200, "cycles", "bridge forward and tap (or NIC) queueing of one skb in a hypervisor's kernel", "[est] of br_forward and tun_net_xmit (net/bridge, drivers/net/tun.c)"),
    NIC_XMIT(700, 400, 1200, "cycles", "a physical NIC driver's transmit of one skb (descriptors, tail write), in L0", "[est] of ixgbe_xmit_frame"),
    HV_VIRTIO_RX(2000, 1200, 3000, "cycles", "a guest hypervisor's own virtio-net NAPI receive of one skb", "as RX_PACKET's driver part [est]"),
    HV_VIRTIO_TX(1000, 600, 1600, "cycles", "a guest hypervisor's own virtio-net start_xmit of one skb", "as SEND_SMALL's driver part [est]"),
    IRQFD_INJECT(700, 400, 1200, "cycles", "eventfd signal, irqfd wake-up and kvm_set_msi when a backend signals its guest", "[est] of virt/kvm/eventfd.c irqfd_wakeup"),
    VFIO_IRQ_RELAY(1500, 800, 2500, "cycles", "a guest hypervisor relaying an assigned device's interrupt: vfio handler, eventfd, irqfd", "[est] of vfio_msihandler (drivers/vfio/pci/vfio_pci_intrs.c) and irqfd"),
    E1000_PACKET(6000, 3000, 10000, "cycles", "QEMU e1000 per packet: descriptor emulation in user space, tap read/write", "[est]; QEMU hw/net/e1000.c, an emulated NIC"),

    // --- block I/O (MySQL's redo-log flush) --------------------------------------------------------------
    QEMU_BLK_REQUEST(20000, 10000, 40000, "cycles", "QEMU virtio-blk request at one level: main-loop wake-up, parse, AIO submit, completion, irqfd",
            "QEMU 3.1 without an iothread handles the virtio-blk ioeventfd in its main loop (user space) [est]"),
    NATIVE_BLK_REQUEST(6000, 3000, 10000, "cycles", "native block layer and driver submit and completion of one write+flush", "[est]"),
    DISK_FLUSH_US(80, 20, 200, "us", "the physical disk's write + cache flush of a redo-log block", "[est]: the testbed's storage is not documented; an SSD-class flush"),

    // --- physical network ---------------------------------------------------------------------------------
    WIRE_LATENCY_NS(2500, 1500, 4000, "ns", "one-way latency: both NICs' DMA and PCIe, PHY, cable and switch, besides serialization",
            "native 1-byte TCP_RR 58.4-58.9k trans/s (17 us RTT) on 82599 10 GbE with C-states off, github.com/handong32/eelinux [3rd], "
                    + "minus both hosts' stack time [est]"),
    FRAME_OVERHEAD_BYTES(90, 90, 90, "bytes", "per 1,448-byte segment on the wire: Ethernet+IP+TCP headers with timestamps, FCS, preamble, gap",
            "IEEE 802.3 framing with TCP timestamps: 1,448 B payload per 1,538 B on the wire"),
    MSS_BYTES(1448, 1448, 1448, "bytes", "TCP payload per segment at MTU 1500 with timestamps", "1500 - 20 (IP) - 20 (TCP) - 12 (timestamps, RFC 7323)"),
    MIN_FRAME_BYTES(84, 84, 84, "bytes", "a minimum Ethernet frame on the wire with preamble and gap", "IEEE 802.3: 64 B + 8 B preamble + 12 B gap"),
    TSO_SEGMENTS(45, 40, 45, "segments", "segments per 64 KiB TSO/GSO skb at 10 Gb/s", "net/ipv4/tcp_output.c tcp_tso_autosize");

    private final double value;
    private final double low;
    private final double high;
    private final String unit;
    private final String meaning;
    private final String source;

    StackParam(double value, double low, double high, String unit, String meaning, String source) {
        this.value = value;
        this.low = low;
        this.high = high;
        this.unit = unit;
        this.meaning = meaning;
        this.source = source;
    }

    public double value() {
        return value;
    }

    /** The low end of the plausible range its source allows (the value itself for an exact figure). */
    public double low() {
        return low;
    }

    /** The high end of the plausible range. */
    public double high() {
        return high;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    public String source() {
        return source;
    }
}
