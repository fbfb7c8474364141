package io.sartracker.service.page;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.service.deadletter.DeadLetters;
import io.sartracker.service.security.SignedIn;
import io.sartracker.service.security.TrackerRole;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations page: the rebuild of the views with its progress (polled by htmx while it runs;
 * started by compliance), and the projections' dead letters per processing group with a retry
 * (operators). The same {@link ProjectionRebuild} and {@link DeadLetters} the API's endpoints call.
 */
@Controller
public class OperationsController {
    private final ProjectionRebuild rebuild;
    private final DeadLetters deadLetters;

    public OperationsController(ProjectionRebuild rebuild, DeadLetters deadLetters) {
        this.rebuild = rebuild;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/app/operations")
    public String operations(Model model) {
        model.addAttribute("noWhen", true);
        progress(rebuild.progress(), model);
        if (SignedIn.roles().contains(TrackerRole.OPERATOR)) {
            Map<String, List<DeadLetters.Letter>> letters = new LinkedHashMap<>();
            deadLetters.processingGroups().forEach(group -> letters.put(group, deadLetters.list(group)));
            model.addAttribute("deadLetters", letters);
        }
        return "app/operations";
    }

    /** The progress alone, for htmx's polling while a rebuild runs. */
    @GetMapping("/app/operations/rebuild")
    public String rebuildProgress(Model model) {
        progress(rebuild.progress(), model);
        return "app/operations :: progress";
    }

    /** Starts rebuilding every view; htmx swaps in the progress, a browser without script is sent back to the page. */
    @PostMapping("/app/operations/rebuild")
    public String startRebuild(HttpServletRequest request, Model model) {
        List<ProjectionRebuild.Progress> started = rebuild.start();
        if ("true".equals(request.getHeader("HX-Request"))) {
            progress(started, model);
            return "app/operations :: progress";
        }
        return "redirect:/app/operations";
    }

    @PostMapping("/app/operations/dead-letters/{processingGroup}/retries")
    public String retry(@PathVariable String processingGroup, RedirectAttributes redirect) {
        if (!deadLetters.processingGroups().contains(processingGroup)) {
            throw RuleViolation.of(RuleCode.UNKNOWN_PROCESSING_GROUP, "There is no projection named " + processingGroup
                    + "; the projections are " + deadLetters.processingGroups() + ".", "processingGroup", processingGroup);
        }
        DeadLetters.Retry retry = deadLetters.retry(processingGroup);
        redirect.addFlashAttribute("retried", retry);
        return "redirect:/app/operations";
    }

    private static void progress(List<ProjectionRebuild.Progress> progress, Model model) {
        model.addAttribute("progress", progress);
        model.addAttribute("rebuilding", progress.stream().anyMatch(ProjectionRebuild.Progress::rebuilding));
    }
}
