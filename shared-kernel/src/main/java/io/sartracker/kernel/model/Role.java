package io.sartracker.kernel.model;

/** The office for which rights were allotted (15). Moving between the two is not losing office. */
public enum Role {
    DIRECTOR,
    EXECUTIVE_OFFICER
}
