package dev.nestsim.calibrations;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A calibration as stored: the outputs as pasted, the options, and the fit as a JSON document ({@link CalibrationReport}). */
@Entity
@Table(name = "calibrations")
public class CalibrationEntity {

    @Id
    private UUID id;
    private String name;
    private double clockGhz;
    private String kernel;
    private String l1Output;
    private String l2Output;
    private String options;
    private String fit;
    @Version
    private Long version;
    private Instant createdAt;
    /** Whose it is: the tenant of whoever created it (see dev.nestsim.security); never changes. */
    private String tenant = "default";

    protected CalibrationEntity() {
    }

    CalibrationEntity(UUID id, String name, double clockGhz, String kernel, String l1Output, String l2Output, String options,
                      String fit, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.clockGhz = clockGhz;
        this.kernel = kernel;
        this.l1Output = l1Output;
        this.l2Output = l2Output;
        this.options = options;
        this.fit = fit;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public double getClockGhz() {
        return clockGhz;
    }

    /** The kernel generation's API name. */
    public String getKernel() {
        return kernel;
    }

    public String getL1Output() {
        return l1Output;
    }

    /** The L2 output, or {@code null}. */
    public String getL2Output() {
        return l2Output;
    }

    String getOptions() {
        return options;
    }

    String getFit() {
        return fit;
    }

    public Long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The tenant it belongs to. */
    public String getTenant() {
        return tenant;
    }

    /** Gives it to {@code owner} (before it is first stored). */
    void ownedBy(String owner) {
        this.tenant = java.util.Objects.requireNonNull(owner, "tenant");
    }
}
