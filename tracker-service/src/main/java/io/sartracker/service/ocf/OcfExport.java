package io.sartracker.service.ocf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sartracker.kernel.event.AllotmentAmountCorrected;
import io.sartracker.kernel.event.AllotmentAmountDetermined;
import io.sartracker.kernel.event.HolderDied;
import io.sartracker.kernel.event.HolderLeftOffice;
import io.sartracker.kernel.event.HolderRoleChanged;
import io.sartracker.kernel.event.RightsAcquired;
import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.RightsLapsed;
import io.sartracker.kernel.event.SeriesEvent;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.event.SharesPerRightAdjusted;
import io.sartracker.kernel.model.AdjustmentCause;
import io.sartracker.kernel.model.LapseReason;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.Terms;
import io.sartracker.kernel.valuation.Valuation;
import io.sartracker.query.api.TrackerQueryHandlers.IssuerHistory;
import io.sartracker.query.api.TrackerQueryHandlers.SeriesHistory;
import io.sartracker.query.register.SeriesRegister;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Writes an issuer's stock acquisition rights as of a date as an Open Cap Format 1.2.0 package
 * (README, "Open Cap Format export", has the mapping). Plain code over what the as-of register folds:
 * the same events, reversed facts left out, so the package and the register cannot disagree.
 *
 * <p>OCF counts equity compensation in shares. Every quantity is a number of rights times the shares
 * per right in force on the transaction's date; a stock class split multiplies what was issued before
 * it, as the tracker's split multiplies the shares per right. Each allotment is one OCF security; an
 * exercise, lapse or acquisition of a holding takes its rights from the holding's securities in the
 * order they were allotted.
 */
public class OcfExport {
    static final String OCF_VERSION = "1.2.0";
    static final String CURRENCY = "JPY";
    public static final String STAKEHOLDERS = "Stakeholders.ocf.json";
    public static final String STOCK_CLASSES = "StockClasses.ocf.json";
    public static final String STOCK_PLANS = "StockPlans.ocf.json";
    public static final String TRANSACTIONS = "Transactions.ocf.json";
    public static final String VALUATIONS = "Valuations.ocf.json";
    public static final String STOCK_LEGEND_TEMPLATES = "StockLegendTemplates.ocf.json";
    public static final String VESTING_TERMS = "VestingTerms.ocf.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Seconds always written: {@code OffsetDateTime.toString()} leaves out ":00", which RFC 3339 requires. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final StakeholderNames names;

    public OcfExport(StakeholderNames names) {
        this.names = names;
    }

    public OcfPackage build(IssuerHistory history, OffsetDateTime generatedAt) {
        Ledger ledger = new Ledger(history.issuerId(), history.on());
        history.series().forEach(ledger::series);

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(STAKEHOLDERS, write(file("OCF_STAKEHOLDERS_FILE", ledger.stakeholders())));
        files.put(STOCK_CLASSES, write(file("OCF_STOCK_CLASSES_FILE", List.of(ledger.stockClass(history)))));
        files.put(STOCK_PLANS, write(file("OCF_STOCK_PLANS_FILE", ledger.plans)));
        files.put(TRANSACTIONS, write(file("OCF_TRANSACTIONS_FILE", ledger.transactions())));
        files.put(VALUATIONS, write(file("OCF_VALUATIONS_FILE", ledger.valuations)));
        // the manifest must name these two kinds of file; the rights have no legends and no vesting
        files.put(STOCK_LEGEND_TEMPLATES, write(file("OCF_STOCK_LEGEND_TEMPLATES_FILE", List.of())));
        files.put(VESTING_TERMS, write(file("OCF_VESTING_TERMS_FILE", List.of())));

        ObjectNode manifest = NODES.objectNode();
        manifest.put("ocf_version", OCF_VERSION);
        manifest.put("file_type", "OCF_MANIFEST_FILE");
        manifest.set("issuer", ledger.issuer(history));
        manifest.put("as_of", history.on().toString());
        manifest.put("generated_at", generatedAt.format(RFC_3339));
        manifest.set("comments", strings(
                "Stock acquisition rights (shinkabu yoyakuken) of issuer " + history.issuerId() + " as of "
                        + history.on() + ", written from the tracker's events as the as-of register folds them:"
                        + " facts dated on or before that day, reversed facts and their reversals left out.",
                "Quantities are shares: rights x the shares per right in force on the transaction's date. A stock"
                        + " class split multiplies the quantities of transactions dated before it; the exercise price"
                        + " per share is not changed by a split under these terms (3), (4).",
                "The shares delivered on exercise are not issued in this package: the tracker keeps the rights,"
                        + " not the share register."));
        manifest.set("stock_plans_files", fileRefs(files, STOCK_PLANS));
        manifest.set("stock_legend_templates_files", fileRefs(files, STOCK_LEGEND_TEMPLATES));
        manifest.set("stock_classes_files", fileRefs(files, STOCK_CLASSES));
        manifest.set("vesting_terms_files", fileRefs(files, VESTING_TERMS));
        manifest.set("valuations_files", fileRefs(files, VALUATIONS));
        manifest.set("transactions_files", fileRefs(files, TRANSACTIONS));
        manifest.set("stakeholders_files", fileRefs(files, STAKEHOLDERS));

        Map<String, byte[]> ordered = new LinkedHashMap<>();
        ordered.put(OcfPackage.MANIFEST, write(manifest));
        ordered.putAll(files);
        return new OcfPackage(history.issuerId(), history.on(), ordered);
    }

    private ObjectNode file(String fileType, List<ObjectNode> items) {
        ObjectNode file = NODES.objectNode();
        file.put("file_type", fileType);
        file.putArray("items").addAll(items);
        return file;
    }

    private static ArrayNode fileRefs(Map<String, byte[]> files, String name) {
        ArrayNode refs = NODES.arrayNode();
        refs.addObject().put("filepath", "./" + name).put("md5", md5(files.get(name)));
        return refs;
    }

    private byte[] write(ObjectNode node) {
        try {
            return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always writes", e);
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static ArrayNode strings(String... texts) {
        ArrayNode array = NODES.arrayNode();
        for (String text : texts) {
            array.add(text);
        }
        return array;
    }

    static ObjectNode yen(BigDecimal amount) {
        ObjectNode money = NODES.objectNode();
        money.put("amount", numeric(amount));
        money.put("currency", CURRENCY);
        return money;
    }

    /** OCF's Numeric: a fixed-point string with at most 10 decimals. */
    static String numeric(BigDecimal value) {
        BigDecimal fixed = value.scale() > 10 ? value.setScale(10, RoundingMode.HALF_UP) : value;
        fixed = fixed.stripTrailingZeros();
        return (fixed.scale() < 0 ? fixed.setScale(0) : fixed).toPlainString();
    }

    static String numeric(long value) {
        return Long.toString(value);
    }

    /** One allotment's rights as one OCF security; {@code rights} is what is left of it. */
    private static final class Security {
        final String id;
        final String stakeholderId;
        long rights;

        Security(String id, String stakeholderId, long rights) {
            this.id = id;
            this.stakeholderId = stakeholderId;
            this.rights = rights;
        }
    }

    /** A person as the package describes them: the office held and what ended it. */
    private static final class Person {
        Role role;
        LocalDate lastAppointed;
        LocalDate leftOffice;
        String departureReason;
        LocalDate died;
        String heirOf;
        LocalDate inherited;
    }

    /** A transaction and the date it sorts by. */
    private record Dated(LocalDate date, ObjectNode node) {
    }

    /** Everything the package says, gathered series by series. */
    private final class Ledger {
        final String issuerId;
        final LocalDate on;
        final String stockClassId;
        final List<Dated> transactions = new ArrayList<>();
        final Map<String, ObjectNode> splits = new LinkedHashMap<>();
        final Map<String, Person> people = new TreeMap<>();
        final List<ObjectNode> plans = new ArrayList<>();
        final List<ObjectNode> valuations = new ArrayList<>();

        Ledger(String issuerId, LocalDate on) {
            this.issuerId = issuerId;
            this.on = on;
            this.stockClassId = issuerId + ":COMMON";
        }

        void series(SeriesHistory history) {
            SeriesRegister register = history.register();
            String seriesId = register.seriesId();
            plans.add(plan(register));
            Map<String, Deque<Security>> holdings = new LinkedHashMap<>();
            int[] sequence = {0};
            for (SeriesEvent event : inDateOrder(history.events())) {
                if (event instanceof RightsAllotted a) {
                    String holder = a.holderId().value();
                    Security security = new Security(seriesId + ":" + holder + ":" + (++sequence[0]), holder,
                            a.rights().count());
                    holdings.computeIfAbsent(holder, h -> new ArrayDeque<>()).add(security);
                    issuance(register, security, a.allotmentDate(), "Allotted " + a.rights().count()
                            + " rights to " + holder + " as " + a.role() + " on " + a.allotmentDate() + ".");
                    Person person = person(holder);
                    person.role = a.role();
                    person.lastAppointed = latest(person.lastAppointed, a.allotmentDate());
                } else if (event instanceof RightsExercised x) {
                    take(holdings, x.holderId().value(), x.rights().count(), (security, rights) -> {
                        ObjectNode exercise = transaction("TX_EQUITY_COMPENSATION_EXERCISE",
                                "exercise:" + security.id + ":" + (++sequence[0]), x.exerciseDate(), security);
                        exercise.put("quantity", numeric(rights * x.sharesPerRight().shares()));
                        exercise.put("consideration_text", String.format("%,d yen paid in: %,d shares x %,d yen",
                                rights * x.sharesPerRight().shares() * x.exercisePricePerShare().amount(),
                                rights * x.sharesPerRight().shares(), x.exercisePricePerShare().amount()));
                        exercise.putArray("resulting_security_ids");
                        exercise.set("comments", strings(rights + " rights x " + x.sharesPerRight().shares()
                                        + " shares per right, exercised by " + x.exercisedBy().value() + ".",
                                String.format("The whole exercise of %d rights: capital stock +%,d yen, capital"
                                                + " reserve +%,d yen (6).", x.rights().count(),
                                        x.capitalStockIncrease().amount(), x.capitalReserveIncrease().amount()),
                                "The shares delivered are not issued in this package (no resulting security)."));
                        transactions.add(new Dated(x.exerciseDate(), exercise));
                    });
                } else if (event instanceof RightsLapsed l) {
                    take(holdings, l.holderId().value(), l.rights().count(), (security, rights) ->
                            cancellation(register, security, rights, l.lapseDate(), lapseReason(l.reason())
                                    + " The rights lapsed (were extinguished) on " + l.lapseDate() + " ("
                                    + l.reason() + ").", ++sequence[0]));
                } else if (event instanceof RightsAcquired q) {
                    take(holdings, q.holderId().value(), q.rights().count(), (security, rights) ->
                            cancellation(register, security, rights, q.acquisitionDate(), "Acquired by the company"
                                    + " without contribution on " + q.acquisitionDate() + " (8), cause " + q.cause()
                                    + ", approved on " + q.approvalDate() + ".", ++sequence[0]));
                } else if (event instanceof RightsInherited i) {
                    inherit(register, holdings, i, sequence);
                } else if (event instanceof SharesPerRightAdjusted adjustment) {
                    adjust(register, holdings, adjustment, sequence);
                } else if (event instanceof SeriesRestructured r) {
                    replace(register, holdings, r.effectiveDate(), r.sharesPerRightBefore().shares(),
                            "Replaced by rights of " + r.restructuredCompanyName()
                                    + " (" + r.restructuredCompanyId().value() + ") under the " + r.kind()
                                    + " effective " + r.effectiveDate() + ", share ratio " + r.shareRatio() + " (9).",
                            sequence);
                } else if (event instanceof HolderLeftOffice d) {
                    Person person = person(d.holderId().value());
                    person.leftOffice = d.departureDate();
                    person.departureReason = d.reason().name();
                } else if (event instanceof HolderDied d) {
                    person(d.deceasedId().value()).died = d.dateOfDeath();
                } else if (event instanceof HolderRoleChanged c) {
                    person(c.holderId().value()).role = c.newRole();
                } else if (event instanceof AllotmentAmountDetermined d) {
                    valuations.add(valuation(register, d.valuation(), d.determinationDate(),
                            "The allotment amount of series " + seriesId + " (12), determined on "
                                    + d.determinationDate() + "."));
                } else if (event instanceof AllotmentAmountCorrected c) {
                    valuations.add(valuation(register, c.valuation(), c.correctionDate(),
                            "Corrects the allotment amount of series " + seriesId + " on " + c.correctionDate()
                                    + " (was " + c.previousAmountPerRight().amount() + " yen per right): "
                                    + c.reason()));
                }
                // SeriesIssued is the stock plan; a FactReversed never reaches an as-of history
            }
        }

        /**
         * The events by the day they happened, not the order they were recorded in: an adjustment may be
         * recorded before its day and a lapse after later facts, but OCF's transactions, and the securities
         * a replacement creates, follow the days. On one day the adjustment comes first, as a holding's fact
         * of that day already counts the shares per right it brings. Otherwise the recorded order stays.
         */
        private static List<SeriesEvent> inDateOrder(List<SeriesEvent> events) {
            return events.stream().sorted(Comparator.comparing(SeriesEvent::effectiveDate)
                    .thenComparing(e -> e instanceof SharesPerRightAdjusted || e instanceof SeriesRestructured ? 0 : 1))
                    .toList();
        }

        /** The rights of a holding, taken from its securities in the order they were allotted. */
        private void take(Map<String, Deque<Security>> holdings, String holder, long rights,
                          BiConsumer<Security, Long> each) {
            long left = rights;
            for (Security security : holdings.getOrDefault(holder, new ArrayDeque<>())) {
                long taken = Math.min(left, security.rights);
                if (taken > 0) {
                    security.rights -= taken;
                    left -= taken;
                    each.accept(security, taken);
                }
            }
            if (left > 0) {
                throw new IllegalStateException(holder + "'s allotments hold " + (rights - left)
                        + " rights, the events take " + rights);
            }
        }

        private void issuance(SeriesRegister register, Security security, LocalDate date, String how) {
            Terms terms = register.terms();
            long sharesPerRight = register.sharesPerRightOn(date);
            ObjectNode issuance = transaction("TX_EQUITY_COMPENSATION_ISSUANCE", "issuance:" + security.id, date,
                    security);
            issuance.put("custom_id", security.id);
            issuance.put("stakeholder_id", security.stakeholderId);
            issuance.put("board_approval_date", terms.resolutionDate().toString());
            issuance.put("stock_plan_id", register.seriesId());
            issuance.put("stock_class_id", stockClassId);
            issuance.put("compensation_type", "OPTION");
            issuance.put("quantity", numeric(security.rights * sharesPerRight));
            issuance.set("exercise_price", yen(BigDecimal.valueOf(register.exercisePricePerShare())));
            issuance.put("early_exercisable", false);
            issuance.put("expiration_date", register.exercisePeriod().lastDay().toString());
            issuance.set("termination_exercise_windows", windows(terms));
            issuance.putArray("security_law_exemptions");
            if (register.allotmentAmountPerRight() > 0) {
                issuance.put("consideration_text", String.format("Allotment amount %,d yen per right (12), offset"
                                + " against the holder's remuneration claim: no cash is paid (RULES.md 2).",
                        register.allotmentAmountPerRight()));
            }
            issuance.set("comments", strings(how,
                    security.rights + " rights x " + sharesPerRight + " shares per right on " + date
                            + "; exercise price " + register.exercisePricePerShare() + " yen per share (4).",
                    "Exercisable only after losing office (11)-2: on the " + terms.windowAfterLeavingOfficeDays()
                            + " days after the day of losing office (D+1..D+" + terms.windowAfterLeavingOfficeDays()
                            + "), and only inside the exercise period " + register.exercisePeriod().firstDay()
                            + ".." + register.exercisePeriod().lastDay() + " (5); the windows below count from"
                            + " losing office.",
                    "On death the rights await one heir, who may exercise from the day of inheriting to "
                            + terms.heirWindowMonths() + " months after it (11)-3: the INVOLUNTARY_DEATH window"
                            + " counts from the inheritance, not from the death. An heir's death extinguishes them.",
                    "Only whole rights are exercised (11)-1; "
                            + (terms.transferAllowed() ? "a transfer needs the board's approval (7)."
                            : "no transfer, pledge or other disposal (11)-4.")));
            transactions.add(new Dated(date, issuance));
        }

        /**
         * The windows of the terms in OCF's own field: every way of losing office other than death opens the
         * window after leaving office; death opens the heir's window.
         */
        private ArrayNode windows(Terms terms) {
            ArrayNode windows = NODES.arrayNode();
            for (String reason : List.of("VOLUNTARY_OTHER", "VOLUNTARY_GOOD_CAUSE", "VOLUNTARY_RETIREMENT",
                    "INVOLUNTARY_OTHER", "INVOLUNTARY_DISABILITY", "INVOLUNTARY_WITH_CAUSE")) {
                windows.addObject().put("reason", reason).put("period", terms.windowAfterLeavingOfficeDays())
                        .put("period_type", "DAYS");
            }
            windows.addObject().put("reason", "INVOLUNTARY_DEATH").put("period", terms.heirWindowMonths())
                    .put("period_type", "MONTHS");
            return windows;
        }

        private void cancellation(SeriesRegister register, Security security, long rights, LocalDate date,
                                  String reason, int sequence) {
            long sharesPerRight = register.sharesPerRightOn(date);
            ObjectNode cancellation = transaction("TX_EQUITY_COMPENSATION_CANCELLATION",
                    "cancellation:" + security.id + ":" + sequence, date, security);
            cancellation.put("quantity", numeric(rights * sharesPerRight));
            cancellation.put("reason_text", reason);
            cancellation.set("comments", strings(rights + " rights x " + sharesPerRight + " shares per right."));
            transactions.add(new Dated(date, cancellation));
        }

        /**
         * The one heir takes the holding (11)-3: in OCF a transfer of each remaining security to a new one
         * issued to the heir, on the day of inheriting.
         */
        private void inherit(SeriesRegister register, Map<String, Deque<Security>> holdings, RightsInherited i,
                             int[] sequence) {
            String holder = i.holderId().value();
            String heir = i.heirId().value();
            Person person = person(heir);
            person.heirOf = holder;
            person.inherited = i.inheritanceDate();
            long sharesPerRight = register.sharesPerRightOn(i.inheritanceDate());
            Deque<Security> inherited = new ArrayDeque<>();
            for (Security security : holdings.getOrDefault(holder, new ArrayDeque<>())) {
                if (security.rights == 0) {
                    continue;
                }
                Security heirs = new Security(register.seriesId() + ":" + heir + ":" + (++sequence[0]), heir,
                        security.rights);
                ObjectNode transfer = transaction("TX_EQUITY_COMPENSATION_TRANSFER",
                        "inheritance:" + security.id, i.inheritanceDate(), security);
                transfer.put("quantity", numeric(security.rights * sharesPerRight));
                transfer.putArray("resulting_security_ids").add(heirs.id);
                transfer.put("consideration_text", "Inheritance by the one legal heir " + heir + " (11)-3.");
                transactions.add(new Dated(i.inheritanceDate(), transfer));
                issuance(register, heirs, i.inheritanceDate(), "Inherited by " + heir + " from " + holder + " on "
                        + i.inheritanceDate() + "; the heir's window runs " + (i.window() == null ? "nowhere inside"
                        + " the exercise period" : i.window().firstDay() + ".." + i.window().lastDay()) + ".");
                security.rights = 0;
                inherited.add(heirs);
            }
            // later facts of the holding still name the allottee; from now on they reach the heir's securities
            holdings.put(holder, inherited);
        }

        /**
         * A split or consolidation of the issuer's shares is OCF's stock class split, once for the issuer
         * however many series it adjusted. A board's direct adjustment concerns one series only, which no
         * OCF 1.2.0 transaction can say: each remaining security is cancelled and issued again at the new
         * figure, on the day it applies.
         */
        private void adjust(SeriesRegister register, Map<String, Deque<Security>> holdings,
                            SharesPerRightAdjusted adjustment, int[] sequence) {
            if (adjustment.cause() == AdjustmentCause.BOARD_ADJUSTMENT) {
                replace(register, holdings, adjustment.appliesFrom(), adjustment.before().shares(),
                        "The board adjusted the shares per right from "
                                + adjustment.before().shares() + " to " + adjustment.after().shares() + " from "
                                + adjustment.appliesFrom() + ": " + adjustment.reason(), sequence);
                return;
            }
            String key = adjustment.cause() + ":" + adjustment.ratio() + ":" + adjustment.appliesFrom();
            ObjectNode split = splits.computeIfAbsent(key, k -> {
                ObjectNode node = NODES.objectNode();
                node.put("object_type", "TX_STOCK_CLASS_SPLIT");
                node.put("id", "split:" + adjustment.appliesFrom() + ":" + adjustment.ratio().numerator() + "-"
                        + adjustment.ratio().denominator());
                node.put("date", adjustment.appliesFrom().toString());
                node.put("stock_class_id", stockClassId);
                ObjectNode ratio = node.putObject("split_ratio");
                ratio.put("numerator", numeric(adjustment.ratio().numerator()));
                ratio.put("denominator", numeric(adjustment.ratio().denominator()));
                node.putArray("comments").add(adjustment.cause() + " " + adjustment.ratio() + " decided for "
                        + adjustment.decisionDate() + " (record or effective date), applying from "
                        + adjustment.appliesFrom() + "; shares per right = floor(before x ratio) (3).");
                transactions.add(new Dated(adjustment.appliesFrom(), node));
                return node;
            });
            ((ArrayNode) split.get("comments")).add("Series " + register.seriesId() + ": "
                    + adjustment.before().shares() + " -> " + adjustment.after().shares() + " shares per right.");
        }

        /**
         * Each remaining security cancelled at the shares per right {@code before} and issued again, on
         * {@code date}, at the figure the register holds from that day.
         */
        private void replace(SeriesRegister register, Map<String, Deque<Security>> holdings, LocalDate date,
                             long before, String why, int[] sequence) {
            for (Map.Entry<String, Deque<Security>> holding : holdings.entrySet()) {
                Deque<Security> replaced = new ArrayDeque<>();
                for (Security security : holding.getValue()) {
                    if (security.rights == 0) {
                        continue;
                    }
                    Security next = new Security(register.seriesId() + ":" + security.stakeholderId + ":"
                            + (++sequence[0]), security.stakeholderId, security.rights);
                    ObjectNode cancellation = transaction("TX_EQUITY_COMPENSATION_CANCELLATION",
                            "cancellation:" + security.id + ":" + sequence[0], date, security);
                    cancellation.put("quantity", numeric(security.rights * before));
                    cancellation.put("reason_text", why + " Issued again as " + next.id + ".");
                    transactions.add(new Dated(date, cancellation));
                    issuance(register, next, date, why + " Replaces " + security.id + ".");
                    security.rights = 0;
                    replaced.add(next);
                }
                holding.setValue(replaced);
            }
        }

        private ObjectNode transaction(String type, String id, LocalDate date, Security security) {
            ObjectNode node = NODES.objectNode();
            node.put("object_type", type);
            node.put("id", id);
            node.put("date", date.toString());
            node.put("security_id", security.id);
            return node;
        }

        private ObjectNode plan(SeriesRegister register) {
            Terms terms = register.terms();
            ObjectNode plan = NODES.objectNode();
            plan.put("object_type", "STOCK_PLAN");
            plan.put("id", register.seriesId());
            plan.put("plan_name", terms.name());
            plan.put("board_approval_date", terms.resolutionDate().toString());
            plan.put("initial_shares_reserved",
                    numeric(terms.maximumRights().count() * terms.sharesPerRightAtIssue().shares()));
            plan.put("default_cancellation_behavior", "RETIRE");
            plan.putArray("stock_class_ids").add(stockClassId);
            ArrayNode comments = plan.putArray("comments");
            comments.add("Series " + register.seriesId() + ": at most " + terms.maximumRights().count()
                    + " stock acquisition rights of " + terms.sharesPerRightAtIssue().shares()
                    + " shares each at issue (2), (3); allotted and paid on " + terms.allotmentDate()
                    + "; exercise period " + register.exercisePeriod().firstDay() + ".."
                    + register.exercisePeriod().lastDay() + " (5); eligible: " + terms.eligibleRoles() + ".");
            comments.add("Rights that lapse or are acquired are extinguished, not returned to the series (RETIRE).");
            if (register.restructuredOn() != null && !on.isBefore(register.restructuredOn())) {
                comments.add("Rights of " + register.restructuredCompanyName() + " since the restructuring of "
                        + register.restructuredOn() + " (9).");
            }
            return plan;
        }

        private ObjectNode valuation(SeriesRegister register, Valuation v, LocalDate decided, String what) {
            ObjectNode valuation = NODES.objectNode();
            valuation.put("object_type", "VALUATION");
            valuation.put("id", "valuation:" + register.seriesId() + ":" + decided + ":" + (valuations.size() + 1));
            valuation.put("provider", v.model() + " (section 12 of the terms, computed by the tracker)");
            valuation.put("board_approval_date", decided.toString());
            valuation.set("price_per_share", yen(v.spot()));
            valuation.put("effective_date", v.valuationDate().toString());
            valuation.put("stock_class_id", stockClassId);
            // OCF 1.2.0 knows one valuation type; this is not a 409A valuation (see the comments)
            valuation.put("valuation_type", "409A");
            valuation.set("comments", strings(what,
                    "Not a 409A valuation: OCF 1.2.0 has no other type. price_per_share is the closing price S"
                            + " the option price was computed from.",
                    String.format("Allotment amount %,d yen per right = option price per share %s yen x %d shares"
                                    + " per right, rounded up to the yen (RULES.md 8).", v.amountPerRight().amount(),
                            numeric(BigDecimal.valueOf(v.optionPricePerShare())), v.sharesPerRight().shares()),
                    "Inputs: S " + numeric(v.spot()) + " yen, X " + numeric(v.strike()) + " yen, T "
                            + numeric(v.years()) + " years, r " + numeric(v.riskFreeRate()) + ", q "
                            + numeric(BigDecimal.valueOf(v.dividendYield())) + ", sigma "
                            + numeric(BigDecimal.valueOf(v.volatility())) + " (" + v.volatilitySource() + ")."));
            return valuation;
        }

        Person person(String id) {
            return people.computeIfAbsent(id, k -> new Person());
        }

        List<ObjectNode> stakeholders() {
            List<ObjectNode> stakeholders = new ArrayList<>();
            people.forEach((id, person) -> {
                ObjectNode stakeholder = NODES.objectNode();
                stakeholder.put("object_type", "STAKEHOLDER");
                stakeholder.put("id", id);
                stakeholder.putObject("name").put("legal_name", names.legalName(issuerId, id));
                stakeholder.put("stakeholder_type", "INDIVIDUAL");
                stakeholder.put("issuer_assigned_id", id);
                ArrayNode comments = NODES.arrayNode();
                boolean inOffice = person.role != null && person.died == null
                        && (person.leftOffice == null || person.lastAppointed.isAfter(person.leftOffice));
                if (inOffice) {
                    stakeholder.put("current_relationship", person.role == Role.DIRECTOR ? "BOARD_MEMBER" : "OFFICER");
                    comments.add("In office as " + person.role + " on " + on + ".");
                } else {
                    stakeholder.put("current_relationship", "OTHER");
                }
                if (person.leftOffice != null) {
                    comments.add("Lost office on " + person.leftOffice + " (" + person.departureReason + ").");
                }
                if (person.died != null) {
                    comments.add("Died on " + person.died + ".");
                }
                if (person.heirOf != null) {
                    comments.add("The heir of " + person.heirOf + ", inherited on " + person.inherited + ".");
                }
                stakeholder.set("comments", comments);
                stakeholders.add(stakeholder);
            });
            return stakeholders;
        }

        List<ObjectNode> transactions() {
            return transactions.stream().sorted(Comparator.comparing(Dated::date)).map(Dated::node).toList();
        }

        ObjectNode stockClass(IssuerHistory history) {
            ObjectNode stockClass = NODES.objectNode();
            stockClass.put("object_type", "STOCK_CLASS");
            stockClass.put("id", stockClassId);
            stockClass.put("name", "Common stock of " + issuerName(history));
            stockClass.put("class_type", "COMMON");
            stockClass.put("default_id_prefix", "CS-");
            stockClass.put("initial_shares_authorized", "NOT APPLICABLE");
            stockClass.put("votes_per_share", "1");
            stockClass.put("seniority", "1");
            stockClass.set("comments", strings("The shares the rights deliver on exercise. The tracker does not"
                    + " record the shares authorized or the voting unit; votes_per_share and seniority are"
                    + " placeholders the schema requires."));
            return stockClass;
        }

        ObjectNode issuer(IssuerHistory history) {
            ObjectNode issuer = NODES.objectNode();
            issuer.put("object_type", "ISSUER");
            issuer.put("id", issuerId);
            issuer.put("legal_name", issuerName(history));
            LocalDate firstResolution = history.series().stream()
                    .map(s -> s.register().terms().resolutionDate()).min(Comparator.naturalOrder()).orElseThrow();
            issuer.put("formation_date", firstResolution.toString());
            issuer.put("country_of_formation", "JP");
            issuer.set("comments", strings("The tracker does not record the date of incorporation, which OCF"
                    + " requires: formation_date is the resolution date of the issuer's earliest series."));
            return issuer;
        }

        private String issuerName(IssuerHistory history) {
            return history.series().stream().map(SeriesHistory::register)
                    .min(Comparator.comparing(r -> r.terms().resolutionDate()))
                    .map(r -> r.terms().issuerName()).orElseThrow();
        }

        private String lapseReason(LapseReason reason) {
            return switch (reason) {
                case WINDOW_AFTER_LEAVING_OFFICE_CLOSED -> "The window after losing office closed unexercised (11)-2.";
                case HEIR_WINDOW_CLOSED -> "The heir's window closed unexercised (11)-3.";
                case HEIR_DIED -> "The heir died; the rights cannot pass on (11)-3.";
                case EXERCISE_PERIOD_ENDED -> "The exercise period ended (5).";
            };
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
