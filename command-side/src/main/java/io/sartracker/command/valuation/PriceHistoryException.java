package io.sartracker.command.valuation;

/** A price history that cannot be read, or that cannot support a volatility estimate. */
public class PriceHistoryException extends RuntimeException {

    public PriceHistoryException(String message) {
        super(message);
    }

    static PriceHistoryException atLine(int lineNumber, String reason) {
        return new PriceHistoryException("line " + lineNumber + ": " + reason);
    }
}
