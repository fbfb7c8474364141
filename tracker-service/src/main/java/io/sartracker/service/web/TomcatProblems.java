package io.sartracker.service.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Makes {@link ProblemErrorReportValve} Tomcat's error report valve, in place of the HTML one,
 * so that even the container's own 400s are problem documents.
 */
@Component
public class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            // Spring Boot adds a plain HTML ErrorReportValve when stack traces are never shown: take it out.
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve.getClass() == ErrorReportValve.class) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve());
        });
    }

    /** After Spring Boot's own customizer, so that its valve is there to be replaced. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
