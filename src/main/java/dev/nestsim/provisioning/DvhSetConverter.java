package dev.nestsim.provisioning;

import dev.nestsim.model.topology.DvhMechanism;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of DVH mechanisms as their names, comma-separated in declaration order ({@code ""} for none). */
@Converter
class DvhSetConverter implements AttributeConverter<Set<DvhMechanism>, String> {

    @Override
    public String convertToDatabaseColumn(Set<DvhMechanism> mechanisms) {
        if (mechanisms == null || mechanisms.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(mechanisms).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<DvhMechanism> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(Arrays.stream(column.split(",")).map(String::trim).map(DvhMechanism::valueOf).toList()));
    }
}
