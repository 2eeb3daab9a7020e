package cn.govdata.share.access;

import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the handler of a data access request ({@code /api/v1/share/data/{entryId}/…}) before Spring MVC's own
 * mapping does. The application's mapping holds ~170 request mappings, and a path with a variable in it is
 * matched against each of them in turn: measured, that lookup was a fifth of the CPU a verification costs. This
 * mapping holds only {@link SharedDataController}'s few and is asked first; anything else under the prefix (the
 * grant's interface description) and every other path falls through to the application's mapping, which still
 * holds these mappings too (the API description lists them from there). The handler, its arguments, answers and
 * problems are Spring MVC's as before: only the lookup is shorter.
 */
@Component
class SharedDataHandlerMapping implements HandlerMapping, Ordered, InitializingBean {

    private static final String PREFIX = "/api/v1/share/data/";

    private final Lookup lookup = new Lookup();

    SharedDataHandlerMapping(ApplicationContext context) {
        lookup.setApplicationContext(context);
    }

    @Override
    public void afterPropertiesSet() {
        lookup.afterPropertiesSet();
    }

    @Override
    public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
        String path = request.getRequestURI();
        if (!path.startsWith(PREFIX, request.getContextPath().length())) {
            return null;
        }
        return lookup.getHandler(request);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Spring MVC's annotated-controller lookup, over the data access controller only. */
    private static final class Lookup extends RequestMappingHandlerMapping {

        @Override
        protected boolean isHandler(Class<?> beanType) {
            return SharedDataController.class.isAssignableFrom(beanType);
        }

        /** Answers only a full match: a request this mapping cannot serve is left to the application's mapping. */
        @Override
        protected HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath,
                HttpServletRequest request) {
            return null;
        }
    }
}
