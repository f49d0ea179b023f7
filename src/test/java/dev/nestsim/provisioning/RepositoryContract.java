package dev.nestsim.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.ViommuMode;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schema (Flyway, validated by Hibernate) and the repositories, on H2 ({@link RepositoryH2Test}) and
 * PostgreSQL ({@link RepositoryPostgresTest}). Each test runs in a transaction that is rolled back.
 */
@Transactional
abstract class RepositoryContract {

    @Autowired
    HostRepository hosts;
    @Autowired
    HypervisorRepository hypervisors;
    @Autowired
    VmRepository vms;
    @Autowired
    EntityManager em;

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    HostEntity host(String name, Set<DvhMechanism> dvh) {
        HostEntity host = new HostEntity(UUID.randomUUID(), t0);
        Host model = new Host(name, HostProfiles.ASPLOS20_TESTBED.hardware(), HypervisorSettings.KVM_DEFAULTS.withDvh(dvh));
        host.apply(name, "asplos20-testbed", model, t0);
        return hosts.saveAndFlush(host);
    }

    HypervisorEntity hypervisor(HostEntity host, HypervisorEntity parent, String name, Instant at) {
        HypervisorEntity hv = new HypervisorEntity(UUID.randomUUID(), host.getId(), parent == null ? null : parent.getId(),
                parent == null ? 1 : parent.getLevel() + 1, at);
        hv.apply(new GuestHypervisor(name, 4, 8, HypervisorSettings.KVM_DEFAULTS, ViommuMode.STATIC), at);
        return hypervisors.saveAndFlush(hv);
    }

    VmEntity vm(HostEntity host, HypervisorEntity parent, String name, Set<DvhMechanism> dvh) {
        VmEntity vm = new VmEntity(UUID.randomUUID(), host.getId(), parent == null ? null : parent.getId(), parent == null ? 1 : parent.getLevel() + 1, t0);
        vm.apply(new LeafVm(name, 1, 1, IoModel.VIRTUAL_PASSTHROUGH, dvh, true), t0);
        return vms.saveAndFlush(vm);
    }

    @Test
    void aHostComesBackAsTheSameModelValue() {
        HostEntity saved = host("round-trip", EnumSet.of(DvhMechanism.VIRTUAL_IDLE, DvhMechanism.VIRTUAL_TIMER));
        em.clear();

        HostEntity loaded = hosts.findById(saved.getId()).orElseThrow();

        assertThat(loaded.toModel()).isEqualTo(saved.toModel());
        assertThat(loaded.l0().dvh()).containsExactly(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IDLE);
        assertThat(loaded.getCreatedAt()).isEqualTo(t0);
        assertThat(loaded.getVersion()).isZero();
    }

    @Test
    void anEmptyDvhSetAndAFullOneBothSurvive() {
        HostEntity host = host("dvh-sets", Set.of());
        VmEntity none = vm(host, null, "none", Set.of());
        VmEntity all = vm(host, null, "all", EnumSet.allOf(DvhMechanism.class));
        em.clear();

        assertThat(vms.findById(none.getId()).orElseThrow().toModel().dvh()).isEmpty();
        assertThat(vms.findById(all.getId()).orElseThrow().toModel().dvh()).containsExactly(DvhMechanism.values());
    }

    @Test
    void aHostsTreeComesShallowestFirstThenInCreationOrder() {
        HostEntity host = host("tree", Set.of());
        HypervisorEntity late = hypervisor(host, null, "late", t0.plus(2, ChronoUnit.SECONDS));
        HypervisorEntity early = hypervisor(host, null, "early", t0.plus(1, ChronoUnit.SECONDS));
        HypervisorEntity deep = hypervisor(host, early, "deep", t0);

        assertThat(hypervisors.findTreeOf(host.getId())).extracting(HypervisorEntity::getName).containsExactly("early", "late", "deep");
        assertThat(hypervisors.findHostIdOf(deep.getId())).contains(host.getId());
        assertThat(hypervisors.countByHostIdAndParentHypervisorIdIsNull(host.getId())).isEqualTo(2);
        assertThat(hypervisors.countByParentHypervisorId(early.getId())).isEqualTo(1);
        assertThat(late.getLevel()).isEqualTo(1);
    }

    @Test
    void listsFilterAndPageInCreationOrder() {
        HostEntity host = host("listing", Set.of());
        hypervisor(host, null, "b", t0.plus(2, ChronoUnit.SECONDS));
        hypervisor(host, null, "a", t0.plus(1, ChronoUnit.SECONDS));

        var page = hypervisors.findAll(Listing.where("hostId", host.getId()), PageRequest.of(0, 1, Listing.CREATION_ORDER));

        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(page.getContent()).extracting(HypervisorEntity::getName).containsExactly("a");
    }

    @Test
    void lockingAHostReadsIt() {
        HostEntity host = host("locked", Set.of());

        assertThat(hosts.lockById(host.getId())).map(HostEntity::getName).contains("locked");
        assertThat(hosts.lockById(UUID.randomUUID())).isEmpty();
    }
}
