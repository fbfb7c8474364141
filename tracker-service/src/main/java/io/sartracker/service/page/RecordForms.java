package io.sartracker.service.page;

import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.CorrectAllotmentAmount;
import io.sartracker.kernel.command.DetermineAllotmentAmount;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.RestructureSeries;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.valuation.ValuationInputs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recording forms: for each fact, its fields (choices where the answers are known) and the
 * command it sends, the same command record the HTTP API builds. Every rule is the command's and the
 * aggregate's; a form only reads what was typed.
 */
final class RecordForms {
    private RecordForms() {
    }

    enum Kind { TEXT, DATE, NUMBER, DECIMAL, SERIES, ISSUER, HOLDER, NEW_HOLDER, ENUM, CHECKBOX, TEXTAREA, FILE }

    record Field(String name, Kind kind, boolean required, List<String> choices, String prefix) {
        static Field of(String name, Kind kind) {
            return new Field(name, kind, true, List.of(), null);
        }

        static Field optional(String name, Kind kind) {
            return new Field(name, kind, false, List.of(), null);
        }

        static Field choice(String name, String prefix, Enum<?>[] values) {
            return new Field(name, Kind.ENUM, true, Arrays.stream(values).map(Enum::name).toList(), prefix);
        }
    }

    /** The typed values of a form, read as the command needs them; a missing or malformed one names its field. */
    static final class Values {
        private final Map<String, String> values;
        private final byte[] upload;

        Values(Map<String, String> values, byte[] upload) {
            this.values = values;
            this.upload = upload;
        }

        String text(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new FieldProblem(name, "required", null);
            }
            return value.strip();
        }

        String optionalText(String name) {
            String value = values.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        LocalDate date(String name) {
            try {
                return LocalDate.parse(text(name));
            } catch (java.time.format.DateTimeParseException e) {
                throw new FieldProblem(name, "notDate", values.get(name));
            }
        }

        LocalDate optionalDate(String name) {
            return optionalText(name) == null ? null : date(name);
        }

        long whole(String name) {
            try {
                return Long.parseLong(text(name));
            } catch (NumberFormatException e) {
                throw new FieldProblem(name, "notWhole", values.get(name));
            }
        }

        BigDecimal decimal(String name) {
            try {
                return new BigDecimal(text(name));
            } catch (NumberFormatException e) {
                throw new FieldProblem(name, "notNumber", values.get(name));
            }
        }

        BigDecimal optionalDecimal(String name) {
            return optionalText(name) == null ? null : decimal(name);
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            try {
                return Enum.valueOf(type, text(name));
            } catch (IllegalArgumentException e) {
                throw new FieldProblem(name, "notChoice", values.get(name));
            }
        }

        boolean checked(String name) {
            return values.containsKey(name) && !"false".equals(values.get(name));
        }

        Ratio ratio(String name) {
            try {
                return Ratio.parse(text(name));
            } catch (IllegalArgumentException e) {
                throw FieldProblem.said(name, e.getMessage());
            }
        }

        String upload() {
            return upload == null || upload.length == 0 ? null
                    : new String(upload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * A value that could not be read: shown beside its field, in the reader's language
     * ({@code inputProblem.KIND} of the messages, with what was typed), or with the reading's own sentence.
     */
    static final class FieldProblem extends RuntimeException {
        final String field;
        final String kind;
        final String typed;

        FieldProblem(String field, String kind, String typed) {
            super(kind, null, false, false);
            this.field = field;
            this.kind = kind;
            this.typed = typed;
        }

        /** A value read by the kernel's own parser (a ratio), which says what is wrong with it. */
        static FieldProblem said(String field, String sentence) {
            return new FieldProblem(field, null, sentence);
        }
    }

    interface Builder {
        Object command(Values values);
    }

    record Form(String fact, List<Field> fields, Builder builder, boolean previewed) {
    }

    static final Map<String, Form> FORMS = new LinkedHashMap<>();

    private static void form(String fact, Builder builder, Field... fields) {
        FORMS.put(fact, new Form(fact, List.of(fields), builder, fact.equals("exercise")));
    }

    static {
        form("issue", v -> new IssueSeries(SeriesId.of(v.text("seriesId")), IssuerId.of(v.text("issuerId")),
                        new Terms(v.text("name"), v.text("issuerName"), v.date("resolutionDate"),
                                Rights.of(v.whole("maximumRights")), SharesPerRight.of(v.whole("sharesPerRightAtIssue")),
                                Yen.of(v.whole("exercisePricePerShare")),
                                new ExerciseWindow(v.date("exerciseFirstDay"), v.date("exerciseLastDay")),
                                v.date("allotmentDate"), v.optionalDate("paymentDate"),
                                (int) v.whole("windowAfterLeavingOfficeDays"), (int) v.whole("heirWindowMonths"),
                                v.checked("transferAllowed"), EnumSet.allOf(Role.class))),
                Field.of("seriesId", Kind.TEXT), Field.of("issuerId", Kind.TEXT), Field.of("name", Kind.TEXT),
                Field.of("issuerName", Kind.TEXT), Field.of("resolutionDate", Kind.DATE),
                Field.of("maximumRights", Kind.NUMBER), Field.of("sharesPerRightAtIssue", Kind.NUMBER),
                Field.of("exercisePricePerShare", Kind.NUMBER), Field.of("exerciseFirstDay", Kind.DATE),
                Field.of("exerciseLastDay", Kind.DATE), Field.of("allotmentDate", Kind.DATE),
                Field.optional("paymentDate", Kind.DATE), Field.of("windowAfterLeavingOfficeDays", Kind.NUMBER),
                Field.of("heirWindowMonths", Kind.NUMBER), Field.optional("transferAllowed", Kind.CHECKBOX));
        form("allotment", v -> new AllotRights(SeriesId.of(v.text("seriesId")), HolderId.of(v.text("holderId")),
                        v.choice("role", Role.class), Rights.of(v.whole("rights")), v.date("allotmentDate")),
                Field.of("seriesId", Kind.SERIES), Field.of("holderId", Kind.NEW_HOLDER),
                Field.choice("role", "role.", Role.values()), Field.of("rights", Kind.NUMBER),
                Field.of("allotmentDate", Kind.DATE));
        form("departure", v -> new RecordDepartureFromOffice(IssuerId.of(v.text("issuerId")),
                        HolderId.of(v.text("holderId")), v.date("departureDate"), v.choice("reason", DepartureReason.class)),
                Field.of("issuerId", Kind.ISSUER), Field.of("holderId", Kind.HOLDER), Field.of("departureDate", Kind.DATE),
                Field.choice("reason", "reason.", DepartureReason.values()));
        form("death", v -> new RecordDeath(IssuerId.of(v.text("issuerId")), HolderId.of(v.text("personId")),
                        v.date("dateOfDeath")),
                Field.of("issuerId", Kind.ISSUER), Field.of("personId", Kind.HOLDER), Field.of("dateOfDeath", Kind.DATE));
        form("roleChange", v -> new RecordRoleChange(IssuerId.of(v.text("issuerId")), HolderId.of(v.text("holderId")),
                        v.choice("newRole", Role.class), v.date("changeDate")),
                Field.of("issuerId", Kind.ISSUER), Field.of("holderId", Kind.HOLDER),
                Field.choice("newRole", "role.", Role.values()), Field.of("changeDate", Kind.DATE));
        form("inheritance", v -> new InheritRights(SeriesId.of(v.text("seriesId")), HolderId.of(v.text("holderId")),
                        List.of(HolderId.of(v.text("heirId"))), v.date("inheritanceDate")),
                Field.of("seriesId", Kind.SERIES), Field.of("holderId", Kind.HOLDER), Field.of("heirId", Kind.NEW_HOLDER),
                Field.of("inheritanceDate", Kind.DATE));
        form("exercise", v -> new ExerciseRights(SeriesId.of(v.text("seriesId")), HolderId.of(v.text("holderId")),
                        v.date("exerciseDate"), v.optionalDecimal("rights"), v.optionalDecimal("shares")),
                Field.of("seriesId", Kind.SERIES), Field.of("holderId", Kind.HOLDER), Field.of("exerciseDate", Kind.DATE),
                Field.optional("rights", Kind.DECIMAL), Field.optional("shares", Kind.DECIMAL));
        form("split", v -> new RecordShareSplit(IssuerId.of(v.text("issuerId")), v.ratio("ratio"), v.date("recordDate"),
                        v.optionalDate("meetingClosingDate")),
                Field.of("issuerId", Kind.ISSUER), Field.of("ratio", Kind.TEXT), Field.of("recordDate", Kind.DATE),
                Field.optional("meetingClosingDate", Kind.DATE));
        form("consolidation", v -> new RecordShareConsolidation(IssuerId.of(v.text("issuerId")), v.ratio("ratio"),
                        v.date("effectiveDate")),
                Field.of("issuerId", Kind.ISSUER), Field.of("ratio", Kind.TEXT), Field.of("effectiveDate", Kind.DATE));
        form("adjustment", v -> new AdjustSharesPerRight(SeriesId.of(v.text("seriesId")),
                        SharesPerRight.of(v.whole("sharesPerRight")), v.date("appliesFrom"), v.text("reason")),
                Field.of("seriesId", Kind.SERIES), Field.of("sharesPerRight", Kind.NUMBER), Field.of("appliesFrom", Kind.DATE),
                Field.of("reason", Kind.TEXTAREA));
        form("restructuring", v -> new RestructureSeries(SeriesId.of(v.text("seriesId")),
                        v.choice("kind", RestructuringKind.class), IssuerId.of(v.text("restructuredCompanyId")),
                        v.text("restructuredCompanyName"), v.date("effectiveDate"), v.ratio("shareRatio"),
                        v.checked("agreementProvidesReplacement")),
                Field.of("seriesId", Kind.SERIES), Field.choice("kind", "restructuringKind.", RestructuringKind.values()),
                Field.of("restructuredCompanyId", Kind.TEXT), Field.of("restructuredCompanyName", Kind.TEXT),
                Field.of("effectiveDate", Kind.DATE), Field.of("shareRatio", Kind.TEXT),
                Field.optional("agreementProvidesReplacement", Kind.CHECKBOX));
        form("acquisition", v -> new AcquireRights(SeriesId.of(v.text("seriesId")),
                        v.choice("cause", AcquisitionCause.class), v.date("approvalDate"), v.date("acquisitionDate")),
                Field.of("seriesId", Kind.SERIES), Field.choice("cause", "acquisitionCause.", AcquisitionCause.values()),
                Field.of("approvalDate", Kind.DATE), Field.of("acquisitionDate", Kind.DATE));
        form("reversal", v -> new ReverseLatestFact(SeriesId.of(v.text("seriesId")), HolderId.of(v.text("holderId")),
                        v.text("reason"), v.date("reversedOn")),
                Field.of("seriesId", Kind.SERIES), Field.of("holderId", Kind.HOLDER), Field.of("reason", Kind.TEXTAREA),
                Field.of("reversedOn", Kind.DATE));
        form("personReversal", v -> new ReverseFactOfPerson(IssuerId.of(v.text("issuerId")),
                        HolderId.of(v.text("personId")), v.choice("fact", ReversibleFact.class), v.text("reason"),
                        v.date("reversedOn")),
                Field.of("issuerId", Kind.ISSUER), Field.of("personId", Kind.HOLDER),
                Field.choice("fact", "reversibleFact.", new Enum<?>[]{ReversibleFact.DEPARTURE, ReversibleFact.DEATH}),
                Field.of("reason", Kind.TEXTAREA), Field.of("reversedOn", Kind.DATE));
        form("allotmentAmount", v -> {
            LocalDate date = v.date("determinationDate");
            return new DetermineAllotmentAmount(SeriesId.of(v.text("seriesId")), date, date, valuationInputs(v));
        },
                Field.of("seriesId", Kind.SERIES), Field.of("determinationDate", Kind.DATE),
                Field.of("spot", Kind.DECIMAL), Field.of("years", Kind.DECIMAL), Field.of("riskFreeRate", Kind.DECIMAL),
                Field.optional("dividendPerShare", Kind.DECIMAL), Field.optional("volatility", Kind.DECIMAL),
                Field.optional("priceHistory", Kind.FILE), Field.optional("lookBackFrom", Kind.DATE),
                Field.optional("lookBackTo", Kind.DATE));
        // A correction replaces the amount valued as of the determination: the valuation date is the
        // original one, the correction is dated the day it is made, and the reason is kept on the event.
        form("allotmentAmountCorrection", v -> new CorrectAllotmentAmount(SeriesId.of(v.text("seriesId")),
                        v.date("correctionDate"), v.date("valuationDate"), valuationInputs(v), v.text("reason")),
                Field.of("seriesId", Kind.SERIES), Field.of("valuationDate", Kind.DATE),
                Field.of("spot", Kind.DECIMAL), Field.of("years", Kind.DECIMAL), Field.of("riskFreeRate", Kind.DECIMAL),
                Field.optional("dividendPerShare", Kind.DECIMAL), Field.optional("volatility", Kind.DECIMAL),
                Field.optional("priceHistory", Kind.FILE), Field.optional("lookBackFrom", Kind.DATE),
                Field.optional("lookBackTo", Kind.DATE), Field.of("reason", Kind.TEXTAREA),
                Field.of("correctionDate", Kind.DATE));
    }

    /** The inputs of (12): a volatility, or a price history uploaded with its look-back period. */
    private static ValuationInputs valuationInputs(Values v) {
        String csv = v.upload();
        ValuationInputs.PriceHistoryInput history = csv == null ? null
                : new ValuationInputs.PriceHistoryInput(csv, v.date("lookBackFrom"), v.date("lookBackTo"));
        return new ValuationInputs(v.decimal("spot"), v.decimal("years"), v.decimal("riskFreeRate"), null,
                v.optionalDecimal("dividendPerShare"), csv == null ? v.decimal("volatility")
                : v.optionalDecimal("volatility"), history);
    }
}
