package io.sartracker.service.directory;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A person's details as entered: the name in kanji (required; the register's 氏名), its reading in kana, the
 * address (the register's 住所) and a contact (telephone or e-mail). Blank optional fields are kept as none.
 */
public record DirectoryDetails(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String nameKanji, String nameKana,
                               String address, String contact) {
    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 500;
    static final int MAX_CONTACT = 200;

    public DirectoryDetails {
        nameKanji = text(nameKanji, "nameKanji", MAX_NAME);
        if (nameKanji == null) {
            throw new IllegalArgumentException("nameKanji is required: the name as the register shows it");
        }
        nameKana = text(nameKana, "nameKana", MAX_NAME);
        address = text(address, "address", MAX_ADDRESS);
        contact = text(contact, "contact", MAX_CONTACT);
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new IllegalArgumentException(field + " is at most " + max + " characters, was " + stripped.length());
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters (line breaks, tabs)");
        }
        return stripped;
    }
}
