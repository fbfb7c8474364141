package io.sartracker.service.contract;

import com.fasterxml.jackson.databind.JavaType;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shared kernel's value types as they travel in JSON (each is one string or one number, by its
 * {@code @JsonValue}), with the limits their constructors enforce: identifiers of 1 to 64 letters,
 * digits or {@code . _ : -}, a ratio as {@code n/d}, counts and yen never negative.
 */
@Component
public class KernelValues implements ModelConverter {
    private static final String IDENTIFIER = "^[A-Za-z0-9._:-]{1,64}$";

    private static final Map<Class<?>, Supplier<Schema<?>>> SCHEMAS = Map.of(
            SeriesId.class, () -> identifier("A series' identifier.", "IIJ-SAR-5"),
            IssuerId.class, () -> identifier("An issuer's identifier.", "IIJ"),
            HolderId.class, () -> identifier("A person's identifier at the issuer (an employee number, say),"
                    + " never a name.", "D01"),
            Ratio.class, () -> new StringSchema().pattern("^[0-9]+(/[0-9]+)?$").example("2/1")
                    .description("An exact positive fraction n/d of whole numbers (a whole number alone is n/1)."),
            Rights.class, () -> count("A whole number of rights."),
            SharesPerRight.class, () -> count("Whole shares per right."),
            Yen.class, () -> count("Whole yen."));

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = type.getType() == null ? null : Json.mapper().constructType(type.getType());
        Supplier<Schema<?>> schema = javaType == null ? null : SCHEMAS.get(javaType.getRawClass());
        if (schema != null) {
            return schema.get();
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    private static Schema<?> identifier(String description, String example) {
        return new StringSchema().minLength(1).maxLength(64).pattern(IDENTIFIER).description(description)
                .example(example);
    }

    private static Schema<?> count(String description) {
        return new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO).description(description);
    }
}
