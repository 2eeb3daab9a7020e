package cn.govdata.shared;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/** The user's workbench (工作台): every module's work due from the user, overdue and soonest due first. */
@RestController
@Tag(name = "Workbench", description = "what is due from the user")
class WorkbenchController {

    private final List<DueWork> modules;

    WorkbenchController(List<DueWork> modules) {
        this.modules = modules;
    }

    record Workbench(List<DueItem> items) {
    }

    @GetMapping("/api/v1/workbench")
    Workbench workbench() {
        Actor actor = Actor.require();
        return new Workbench(modules.stream()
                .flatMap(module -> module.dueFrom(actor).stream())
                .sorted(Comparator.comparing(DueItem::dueOn, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                        .thenComparing(DueItem::kind))
                .toList());
    }
}
