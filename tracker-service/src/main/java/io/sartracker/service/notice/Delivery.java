package io.sartracker.service.notice;

/** The outcome of one attempt to deliver a notice: delivered or not, the receiver's HTTP status, why it failed. */
record Delivery(boolean delivered, Integer statusCode, String error) {
    static final int MAX_ERROR = 1000;

    static Delivery delivered(Integer statusCode) {
        return new Delivery(true, statusCode, null);
    }

    static Delivery failed(Integer statusCode, String error) {
        String shown = error == null ? "no reason given" : error;
        return new Delivery(false, statusCode, shown.length() > MAX_ERROR ? shown.substring(0, MAX_ERROR) : shown);
    }
}
