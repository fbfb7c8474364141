package io.sartracker.kernel.rule;

/**
 * Stable codes of the rules a command can break. Clients match on these; never rename one.
 * The comment names the seed clause or RULES.md section behind each.
 */
public enum RuleCode {
    /** Input that is not a valid command at all (a missing field, a negative number). */
    INVALID_INPUT(Kind.BAD_INPUT),
    UNKNOWN_SERIES(Kind.NOT_FOUND),
    UNKNOWN_HOLDER(Kind.NOT_FOUND),
    UNKNOWN_ISSUER(Kind.NOT_FOUND),
    UNKNOWN_PROCESSING_GROUP(Kind.NOT_FOUND),
    /** No import of past history has this identifier. */
    UNKNOWN_IMPORT(Kind.NOT_FOUND),
    /** The signed-in user has no notice subscription with this identifier (issue 12). */
    UNKNOWN_NOTICE_SUBSCRIPTION(Kind.NOT_FOUND),
    SERIES_ALREADY_ISSUED(Kind.CONFLICT),
    /** Another command changed the same series at the same moment; send again. */
    CONCURRENT_MODIFICATION(Kind.CONFLICT),
    /** RULES 2: the allotment must be made on the allotment date of the terms (13). */
    ALLOTMENT_DATE_MISMATCH(Kind.RULE),
    /** RULES 2 / (2): the total allotted never exceeds the maximum. */
    MAXIMUM_RIGHTS_EXCEEDED(Kind.RULE),
    /** (15): only directors and executive officers receive these rights. */
    ROLE_NOT_ELIGIBLE(Kind.RULE),
    /** RULES 3: a holder in office cannot exercise (11)-2. */
    HOLDER_IN_OFFICE(Kind.RULE),
    HOLDER_NOT_IN_OFFICE(Kind.RULE),
    /** RULES 3: a role change to the role already held records nothing. */
    ROLE_UNCHANGED(Kind.RULE),
    /** RULES 4, 5, 6: the exercise date lies outside the window that applies. */
    OUTSIDE_EXERCISE_WINDOW(Kind.RULE),
    /** (5): the exercise date lies outside the exercise period. */
    OUTSIDE_EXERCISE_PERIOD(Kind.RULE),
    /** (11)-1: part of one right can never be exercised. */
    PARTIAL_RIGHT_NOT_ALLOWED(Kind.RULE),
    /** RULES 6: k is at most the rights still held. */
    EXCEEDS_RIGHTS_HELD(Kind.RULE),
    AWAITING_HEIR(Kind.RULE),
    RIGHTS_LAPSED(Kind.RULE),
    RIGHTS_ACQUIRED(Kind.RULE),
    NO_RIGHTS_LEFT(Kind.RULE),
    /** RULES 5: exactly one legal heir inherits. */
    MORE_THAN_ONE_HEIR(Kind.RULE),
    ALREADY_INHERITED(Kind.RULE),
    HOLDER_NOT_DECEASED(Kind.RULE),
    /** The heir named is the deceased holder. */
    HEIR_IS_THE_DECEASED(Kind.RULE),
    NOTHING_TO_INHERIT(Kind.RULE),
    /** (11)-3: an heir's rights cannot be inherited again. */
    HEIR_CANNOT_PASS_ON(Kind.RULE),
    HOLDER_ALREADY_DECEASED(Kind.RULE),
    /**
     * A fact dated before a fact already recorded for the same holding, or (RULES 13) a departure,
     * death or role change dated before a departure or death already recorded for the person.
     */
    FACT_OUT_OF_ORDER(Kind.RULE),
    /** RULES 13: an allotment, departure, death, inheritance, exercise, role change, transfer or acquisition after today. */
    FACT_DATED_IN_FUTURE(Kind.RULE),
    /** RULES 13: shares per right fell to 0 by a consolidation; an exercise would deliver no share. */
    NOTHING_TO_DELIVER(Kind.RULE),
    /** (5): the exercise period ended while the holder was in office; the rights can no longer be exercised. */
    EXERCISE_PERIOD_ENDED(Kind.RULE),
    /** RULES 13: no series of the issuer is running on the day a split or consolidation applies. */
    NO_SERIES_TO_ADJUST(Kind.RULE),
    /** RULES 7: an adjustment applying on or before a recorded exercise. */
    ADJUSTMENT_BEFORE_RECORDED_EXERCISE(Kind.RULE),
    /** RULES 7: adjustments are recorded in the order they apply. */
    ADJUSTMENT_OUT_OF_ORDER(Kind.RULE),
    /** (3): only adjustments after the allotment date change the shares per right. */
    ADJUSTMENT_BEFORE_ALLOTMENT(Kind.RULE),
    /** A split's ratio is above 1, a consolidation's below 1. */
    RATIO_DOES_NOT_FIT(Kind.RULE),
    /** (3) proviso: the conditional split's record date is the day before the meeting closes. */
    CONDITIONAL_SPLIT_DATES(Kind.RULE),
    /** (9): without rights of the restructured company in the agreement, acquire under (8). */
    RESTRUCTURING_WITHOUT_REPLACEMENT(Kind.RULE),
    ACQUISITION_BEFORE_APPROVAL(Kind.RULE),
    NOTHING_OUTSTANDING(Kind.RULE),
    /** (11)-4: no transfer, pledge or disposal. */
    TRANSFER_NOT_ALLOWED(Kind.RULE),
    /** (7): a transfer needs the board's approval. */
    TRANSFER_APPROVAL_REQUIRED(Kind.RULE),
    TRANSFER_NOT_SUPPORTED(Kind.RULE),
    NOTHING_TO_REVERSE(Kind.RULE),
    LATER_FACT_RECORDED(Kind.RULE),
    ALLOTMENT_AMOUNT_ALREADY_DETERMINED(Kind.RULE),
    /** A correction of the allotment amount when none is recorded. */
    NO_ALLOTMENT_AMOUNT(Kind.RULE),
    VALUATION_AFTER_ALLOTMENT(Kind.RULE),
    INVALID_VALUATION_INPUT(Kind.BAD_INPUT),
    /** An Idempotency-Key already used for a different request (method, path or body): nothing recorded. */
    IDEMPOTENCY_KEY_REUSED(Kind.RULE),
    /** The first request with this Idempotency-Key has not finished yet; send the request again. */
    IDEMPOTENCY_KEY_IN_PROGRESS(Kind.CONFLICT),
    /** If-Match named another version of the series than the current one: nothing recorded. */
    VERSION_MISMATCH(Kind.PRECONDITION_FAILED),
    /** No endpoint answers this path (HTTP 404). */
    UNKNOWN_ROUTE(Kind.NOT_FOUND),
    /** The path exists, but not with this HTTP method (405). */
    METHOD_NOT_ALLOWED(Kind.WRONG_METHOD),
    /** The body is not of a media type the endpoint reads (415). */
    UNSUPPORTED_MEDIA_TYPE(Kind.WRONG_MEDIA_TYPE),
    /** The endpoint cannot answer in any media type the Accept header allows (406). */
    NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE),
    /** The body is larger than the endpoint accepts: 1 MB of JSON, 20 MB of upload (413). */
    PAYLOAD_TOO_LARGE(Kind.TOO_LARGE),
    /** The facts were committed but the store did not confirm them on disk in time (503): retry with the key. */
    COMMIT_NOT_CONFIRMED(Kind.UNAVAILABLE),
    /** This node of the tracker does not take this kind of request (its roles); send it to another (503). */
    NOT_SERVED_BY_THIS_NODE(Kind.UNAVAILABLE),
    /** An import of past history is recording its file: no other fact is recorded until it ends (503). */
    IMPORT_IN_PROGRESS(Kind.UNAVAILABLE),
    /** The request carries no credentials, or ones that do not sign anyone in (401). */
    SIGN_IN_REQUIRED(Kind.UNAUTHENTICATED),
    /** The signed-in user lacks the role the endpoint needs (403). */
    ROLE_REQUIRED(Kind.FORBIDDEN),
    /** A request that changes something came from a web page of another origin (403). */
    CROSS_ORIGIN_REFUSED(Kind.FORBIDDEN),
    /** No user of the tracker has this name. */
    UNKNOWN_USER(Kind.NOT_FOUND),
    /** A user of this name exists already. */
    USER_ALREADY_EXISTS(Kind.CONFLICT),
    /** A password shorter than the tracker accepts, or a user name it does not. */
    UNACCEPTABLE_CREDENTIALS(Kind.BAD_INPUT),
    /** Changing one's own password needs the current one. */
    CURRENT_PASSWORD_WRONG(Kind.RULE),
    /** The change would leave no enabled user who can manage users. */
    LAST_ADMINISTRATOR(Kind.RULE),
    /** The holder directory has no entry for the person (never entered, or erased). */
    NO_DIRECTORY_ENTRY(Kind.NOT_FOUND),
    /** A person's personal data is kept while they hold rights in any series (Companies Act art. 249). */
    RIGHTS_STILL_HELD(Kind.RULE),
    /** A person's personal data is kept for the retention period after their last holding ended. */
    RETENTION_NOT_ELAPSED(Kind.RULE),
    /** Nothing recorded calls for the registration of change named (no exercise that month, no change that day). */
    UNKNOWN_REGISTRATION(Kind.NOT_FOUND),
    /** The registration of change is not marked filed, so there is no mark to undo. */
    NO_FILING_MARK(Kind.NOT_FOUND),
    /** No calendar feed answers at this address (never created, deleted, or replaced by a new address). */
    NO_CALENDAR_FEED(Kind.NOT_FOUND);

    /** How a client should read a rejection: the HTTP status follows from it. */
    public enum Kind {
        BAD_INPUT,
        NOT_FOUND,
        CONFLICT,
        RULE,
        /** The request was made on another version than the current one (HTTP 412). */
        PRECONDITION_FAILED,
        /** The request's HTTP method is not one the path answers. */
        WRONG_METHOD,
        /** The request's body is not of a media type the endpoint reads. */
        WRONG_MEDIA_TYPE,
        /** The request's Accept header excludes every answer the endpoint has. */
        NOT_ACCEPTABLE,
        /** The request's body is too large. */
        TOO_LARGE,
        /** The service could not confirm the outcome; the same request may be sent again. */
        UNAVAILABLE,
        /** Nobody is signed in (HTTP 401). */
        UNAUTHENTICATED,
        /** The signed-in user may not do this (HTTP 403). */
        FORBIDDEN
    }

    private final Kind kind;

    RuleCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
