package io.sartracker.service.page;

import io.sartracker.service.accounting.JournalController;
import io.sartracker.service.accounting.SeriesJournals;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The accounting journal of a series for a period, and its CSV for the browser session (the API's own). */
@Controller
public class JournalPage {
    private final SeriesJournals journals;
    private final JournalController api;

    public JournalPage(SeriesJournals journals, JournalController api) {
        this.journals = journals;
        this.api = api;
    }

    @GetMapping("/app/series/{seriesId}/journal")
    public String journal(@PathVariable String seriesId, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String standard, Model model) {
        // the period replaces the header's as-of form: a journal is as known now, restated
        model.addAttribute("noWhen", true);
        model.addAttribute("journal", journals.journal(seriesId, When.date(from, "from"), When.date(to, "to"),
                blankAsNone(standard)));
        return "app/journal";
    }

    @GetMapping("/app/series/{seriesId}/journal.csv")
    public ResponseEntity<?> journalCsv(@PathVariable String seriesId, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String standard) {
        return api.journal(seriesId, When.date(from, "from"), When.date(to, "to"), blankAsNone(standard), "csv");
    }

    private static String blankAsNone(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
