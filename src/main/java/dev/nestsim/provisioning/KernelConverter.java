package dev.nestsim.provisioning;

import dev.nestsim.model.hardware.KernelGeneration;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a kernel generation as its API name ({@code linux-4.18}), {@code null} as SQL NULL (a guest hypervisor that
 * runs its parent's). The schema has no CHECK constraint on the column (H2 defect, issue 14): the API validates the
 * names, and a name this version does not know is an error when the row is read.
 */
@Converter
class KernelConverter implements AttributeConverter<KernelGeneration, String> {

    @Override
    public String convertToDatabaseColumn(KernelGeneration kernel) {
        return kernel == null ? null : kernel.apiName();
    }

    @Override
    public KernelGeneration convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        return KernelGeneration.byApiName(column).orElseThrow(() -> new IllegalStateException(
                "a stored kernel generation '" + column + "' is not one of " + KernelGeneration.allowedNames()));
    }
}
