package io.sartracker.service.page;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.imports.HistoryImports;
import io.sartracker.service.imports.ImportStatus;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.RequestIds;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The import page: a file of past history sent as a dry run or to record, then its progress (polled by htmx
 * while it runs: lines done of the total, the rate, the time left) and every refused line with its number,
 * rule code and sentence. The import is {@code POST /imports}' own ({@link HistoryImports}).
 */
@Controller
public class ImportPageController {
    static final String RECORD = "record";

    private final HistoryImports imports;

    public ImportPageController(HistoryImports imports) {
        this.imports = imports;
    }

    @GetMapping("/app/import")
    public String page(Model model) {
        model.addAttribute("noWhen", true);
        return "app/import";
    }

    @PostMapping("/app/import")
    public String start(@RequestParam(name = "file", required = false) MultipartFile file,
                        @RequestParam(name = "mode", defaultValue = "dry-run") String mode) throws IOException {
        if (file == null || file.isEmpty()) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "The file is empty; send a CSV file with its header and"
                    + " one fact a line, or JSON lines.", "field", "file");
        }
        ImportStatus started = imports.start(file.getOriginalFilename(), bytes(file), !RECORD.equals(mode),
                Recorder.current(), RequestIds.current().orElse(null));
        return "redirect:/app/import/" + started.importId();
    }

    @GetMapping("/app/import/{importId}")
    public String run(@PathVariable String importId, Model model) {
        model.addAttribute("run", find(importId));
        return page(model);
    }

    /** The progress alone, for htmx's polling while the import runs. */
    @GetMapping("/app/import/{importId}/progress")
    public String progress(@PathVariable String importId, Model model) {
        model.addAttribute("run", find(importId));
        return "app/import :: progress";
    }

    private ImportStatus find(String importId) {
        return imports.status(importId).orElseThrow(() -> RuleViolation.of(RuleCode.UNKNOWN_IMPORT,
                "No import has this identifier.", "importId", importId));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
