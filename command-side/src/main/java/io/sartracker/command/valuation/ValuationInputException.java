package io.sartracker.command.valuation;

/** A valuation input outside its domain; {@link #field()} names the offending input. */
public class ValuationInputException extends RuntimeException {

    private final String field;

    public ValuationInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
