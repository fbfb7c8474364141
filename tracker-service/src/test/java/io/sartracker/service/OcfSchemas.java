package io.sartracker.service;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;

/**
 * The official OCF 1.2.0 JSON schemas (draft-07), read from the test resources
 * ({@code ocf-1.2.0/README.md} names their source): every {@code $id} and {@code $ref} under the
 * schemas' own address is mapped to the classpath, and fetching remote resources is switched off, so a
 * validation never touches the network and a reference outside the kept files fails instead.
 */
final class OcfSchemas {
    static final String ADDRESS = "https://schema.opencaptablecoalition.com/v/1.2.0/";

    /** The schema of each kind of OCF file, by its {@code file_type}. */
    static final Map<String, String> FILE_SCHEMAS = Map.of(
            "OCF_MANIFEST_FILE", "files/OCFManifestFile.schema.json",
            "OCF_STAKEHOLDERS_FILE", "files/StakeholdersFile.schema.json",
            "OCF_STOCK_CLASSES_FILE", "files/StockClassesFile.schema.json",
            "OCF_STOCK_PLANS_FILE", "files/StockPlansFile.schema.json",
            "OCF_TRANSACTIONS_FILE", "files/TransactionsFile.schema.json",
            "OCF_VALUATIONS_FILE", "files/ValuationsFile.schema.json",
            "OCF_STOCK_LEGEND_TEMPLATES_FILE", "files/StockLegendTemplatesFile.schema.json",
            "OCF_VESTING_TERMS_FILE", "files/VestingTermsFile.schema.json");

    /** The schema of each kind of object the export writes, by its {@code object_type}. */
    static final Map<String, String> OBJECT_SCHEMAS = Map.of(
            "ISSUER", "objects/Issuer.schema.json",
            "STAKEHOLDER", "objects/Stakeholder.schema.json",
            "STOCK_CLASS", "objects/StockClass.schema.json",
            "STOCK_PLAN", "objects/StockPlan.schema.json",
            "VALUATION", "objects/Valuation.schema.json",
            "TX_EQUITY_COMPENSATION_ISSUANCE", "objects/transactions/issuance/EquityCompensationIssuance.schema.json",
            "TX_EQUITY_COMPENSATION_EXERCISE", "objects/transactions/exercise/EquityCompensationExercise.schema.json",
            "TX_EQUITY_COMPENSATION_CANCELLATION",
            "objects/transactions/cancellation/EquityCompensationCancellation.schema.json",
            "TX_EQUITY_COMPENSATION_TRANSFER", "objects/transactions/transfer/EquityCompensationTransfer.schema.json",
            "TX_STOCK_CLASS_SPLIT", "objects/transactions/split/StockClassSplit.schema.json");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)
                    .schemaIdResolvers(ids -> ids.mapPrefix(ADDRESS, "classpath:ocf-1.2.0/schema/"))));

    private OcfSchemas() {
    }

    /** What the schema at {@code path} (relative to the schemas' address) finds wrong with the JSON text. */
    static List<String> errors(String path, String json) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(ADDRESS + path));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
