package io.sartracker.service.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sartracker.kernel.command.AcquireRights;
import io.sartracker.kernel.command.AdjustSharesPerRight;
import io.sartracker.kernel.command.AllotRights;
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
import io.sartracker.kernel.command.TransferRights;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.web.Requests.AcquisitionRequest;
import io.sartracker.service.web.Requests.AllotmentRequest;
import io.sartracker.service.web.Requests.BoardAdjustmentRequest;
import io.sartracker.service.web.Requests.DeathRequest;
import io.sartracker.service.web.Requests.DepartureRequest;
import io.sartracker.service.web.Requests.ExerciseRequest;
import io.sartracker.service.web.Requests.InheritanceRequest;
import io.sartracker.service.web.Requests.IssueSeriesRequest;
import io.sartracker.service.web.Requests.PersonReversalRequest;
import io.sartracker.service.web.Requests.RestructuringRequest;
import io.sartracker.service.web.Requests.ReversalRequest;
import io.sartracker.service.web.Requests.RoleChangeRequest;
import io.sartracker.service.web.Requests.ShareConsolidationRequest;
import io.sartracker.service.web.Requests.ShareSplitRequest;
import io.sartracker.service.web.Requests.TransferRequest;
import io.sartracker.service.web.ValuationController.ValuationRequest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One line of an imported history as the command it stands for. A line is the body of the API's request
 * for that fact (the same fields, read as strictly), plus {@code factKind} naming the kind and the identifier
 * the API's path would carry ({@code seriesId} or {@code issuerId}). Each request builds its own command
 * ({@link Requests}), so a fact imported and a fact posted become the same command, decided by the same
 * handler.
 */
public final class FactLines {

    /** A line read: its kind, the command to send and the date that orders it among the others. */
    public record Fact(String kind, Object command, LocalDate date) {
    }

    /**
     * A kind of fact: the request body it is read as, the identifier it takes from the line as the API
     * takes it from the path ({@code seriesId}, {@code issuerId}, or none), how its command is built, and
     * the command's own date (its effective date, RULES.md 13) that orders it.
     */
    public record Kind<R>(String name, Class<R> request, String target,
                          BiFunction<R, String, Object> command, Function<Object, LocalDate> date) {
    }

    /** The field naming a line's kind of fact ({@code fact} is a person's reversal's own field). */
    public static final String KIND = "factKind";
    private static final String SERIES = "seriesId";
    private static final String ISSUER = "issuerId";

    /** Every kind of fact a line may name, in the order the README documents them. */
    public static List<Kind<?>> kinds(Clock clock) {
        return List.of(
                new Kind<>("issue-series", IssueSeriesRequest.class, null, (r, id) -> r.command(),
                        c -> ((IssueSeries) c).terms().resolutionDate()),
                new Kind<>("allotment-amount", ValuationRequest.class, SERIES,
                        (r, id) -> r.determination(SeriesId.of(id), null),
                        c -> ((DetermineAllotmentAmount) c).determinationDate()),
                new Kind<>("allotment", AllotmentRequest.class, SERIES, (r, id) -> r.command(SeriesId.of(id)),
                        c -> ((AllotRights) c).allotmentDate()),
                new Kind<>("role-change", RoleChangeRequest.class, ISSUER, (r, id) -> r.command(IssuerId.of(id)),
                        c -> ((RecordRoleChange) c).changeDate()),
                new Kind<>("departure", DepartureRequest.class, ISSUER, (r, id) -> r.command(IssuerId.of(id)),
                        c -> ((RecordDepartureFromOffice) c).departureDate()),
                new Kind<>("death", DeathRequest.class, ISSUER, (r, id) -> r.command(IssuerId.of(id)),
                        c -> ((RecordDeath) c).dateOfDeath()),
                new Kind<>("inheritance", InheritanceRequest.class, SERIES, (r, id) -> r.command(SeriesId.of(id)),
                        c -> ((InheritRights) c).inheritanceDate()),
                new Kind<>("exercise", ExerciseRequest.class, SERIES, (r, id) -> r.command(SeriesId.of(id)),
                        c -> ((ExerciseRights) c).exerciseDate()),
                new Kind<>("share-split", ShareSplitRequest.class, ISSUER, (r, id) -> r.command(IssuerId.of(id)),
                        c -> ((RecordShareSplit) c).recordDate()),
                new Kind<>("share-consolidation", ShareConsolidationRequest.class, ISSUER,
                        (r, id) -> r.command(IssuerId.of(id)), c -> ((RecordShareConsolidation) c).effectiveDate()),
                new Kind<>("board-adjustment", BoardAdjustmentRequest.class, SERIES,
                        (r, id) -> r.command(SeriesId.of(id)), c -> ((AdjustSharesPerRight) c).appliesFrom()),
                new Kind<>("restructuring", RestructuringRequest.class, SERIES, (r, id) -> r.command(SeriesId.of(id)),
                        c -> ((RestructureSeries) c).effectiveDate()),
                new Kind<>("acquisition", AcquisitionRequest.class, SERIES, (r, id) -> r.command(SeriesId.of(id)),
                        c -> ((AcquireRights) c).acquisitionDate()),
                new Kind<>("transfer", TransferRequest.class, SERIES, (r, id) -> r.command(SeriesId.of(id)),
                        c -> ((TransferRights) c).transferDate()),
                new Kind<>("reversal", ReversalRequest.class, SERIES, (r, id) -> r.command(SeriesId.of(id), clock),
                        c -> ((ReverseLatestFact) c).reversedOn()),
                new Kind<>("person-reversal", PersonReversalRequest.class, ISSUER,
                        (r, id) -> r.command(IssuerId.of(id), clock), c -> ((ReverseFactOfPerson) c).reversedOn()));
    }

    /**
     * Columns of the CSV format whose cells are numbers or true/false in the JSON the line becomes; every other
     * cell is text. Nested fields are named with dots ({@code terms.exercisePeriod.firstDay}).
     */
    public static final Set<String> NUMBER_COLUMNS = Set.of("rights", "shares", "sharesPerRight",
            "terms.maximumRights", "terms.sharesPerRightAtIssue", "terms.exercisePricePerShare",
            "terms.windowAfterLeavingOfficeDays", "terms.heirWindowMonths", "spot", "years", "riskFreeRate",
            "dividendYield", "dividendPerShare", "volatility");
    public static final Set<String> BOOLEAN_COLUMNS = Set.of("terms.transferAllowed", "agreementProvidesReplacement");
    /** Columns holding a list: the values are separated by spaces or semicolons in one cell. */
    public static final Set<String> LIST_COLUMNS = Set.of("terms.eligibleRoles", "heirIds");

    private final ObjectMapper strict;
    private final Map<String, Kind<?>> kinds = new LinkedHashMap<>();

    public FactLines(ObjectMapper mapper, Clock clock) {
        this.strict = StrictJson.strictCopy(mapper);
        kinds(clock).forEach(kind -> kinds.put(kind.name(), kind));
    }

    /** The names a line's {@code fact} may take. */
    public Set<String> kindNames() {
        return kinds.keySet();
    }

    /**
     * The fact a line stands for.
     *
     * @throws RuleViolation {@code INVALID_INPUT} naming the field when the line cannot be read as its
     *                       request, or when its command refuses the values (as the API answers 400)
     */
    public Fact read(ObjectNode line) {
        ObjectNode body = line.deepCopy();
        JsonNode fact = body.remove(KIND);
        if (fact == null || !fact.isTextual()) {
            throw invalid("Name the kind of fact in '" + KIND + "'; accepted: " + String.join(", ", kinds.keySet())
                    + ".", KIND);
        }
        Kind<?> kind = kinds.get(fact.asText());
        if (kind == null) {
            throw invalid("'" + Problems.echo(fact.asText()) + "' is not a kind of fact; accepted: "
                    + String.join(", ", kinds.keySet()) + ".", KIND);
        }
        return read(kind, body);
    }

    private <R> Fact read(Kind<R> kind, ObjectNode body) {
        String target = null;
        if (kind.target() != null) {
            JsonNode id = body.remove(kind.target());
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                throw invalid("A " + kind.name() + " names its " + (SERIES.equals(kind.target()) ? "series" : "issuer")
                        + " in '" + kind.target() + "'.", kind.target());
            }
            target = id.asText();
        }
        R request;
        try {
            request = strict.treeToValue(body, kind.request());
        } catch (JsonProcessingException e) {
            Map<String, Object> figures = new LinkedHashMap<>();
            IllegalArgumentException refused = ProblemHandler.causeOfType(e, IllegalArgumentException.class);
            String detail = refused != null ? refused.getMessage() : JsonProblems.detail(e, figures);
            if (refused != null && e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    && !mapping.getPath().isEmpty()) {
                figures.put("field", JsonProblems.path(mapping));
            }
            throw new RuleViolation(RuleCode.INVALID_INPUT, detail, figures);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, e.getMessage(), Map.of());
        }
        Object command;
        try {
            command = kind.command().apply(request, target);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, e.getMessage(), Map.of());
        }
        return new Fact(kind.name(), command, kind.date().apply(command));
    }

    private static RuleViolation invalid(String detail, String field) {
        return RuleViolation.of(RuleCode.INVALID_INPUT, detail, "field", field);
    }
}
