package cn.govdata.supervise.assessor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import cn.govdata.supervise.SuperviseAuditAction;

/**
 * Every supervision request of an assessor passes here first: outside a granted period it is refused (403), a
 * change of anything is refused (the access is read-only), and each read is written to the audit log as an
 * assessor's read, naming what was read. Officers' and departments' requests pass untouched.
 */
@Configuration(proxyBeanMethods = false)
class AssessorRequests implements WebMvcConfigurer, HandlerInterceptor {

    private final AssessorAccess access;
    private final AuditLog audit;

    AssessorRequests(AssessorAccess access, AuditLog audit) {
        this.access = access;
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/supervision/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Actor actor = Actor.current().orElse(null);
        if (actor == null || actor.kind() != Actor.Kind.USER || !actor.has(Role.ASSESSOR)) {
            return true;
        }
        if (!"GET".equals(request.getMethod()) || !access.activeToday(actor)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        String query = request.getQueryString();
        audit.record(AuditEvent.success(SuperviseAuditAction.ASSESSOR_READ, "supervision", null,
                request.getRequestURI() + (query == null ? "" : "?" + query)));
        return true;
    }
}
