package dev.nestsim.api;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What the embedded Tomcat does at the edge, before Spring MVC: its own error reports are problems
 * ({@link ProblemErrorReportValve}, in place of Tomcat's HTML page and of Spring Boot's), and a client that sends
 * {@code Expect: 100-continue} is told to send its body only when the service reads it, so a body refused from its
 * {@code Content-Length} (413) is never sent at all, and the rest of a refused body is not drained ({@link RefusedBodyValve}).
 * Timeouts are properties ({@code server.tomcat.*}, application.yml).
 */
@Configuration(proxyBeanMethods = false)
class TomcatEdges {

    @Bean
    EdgeCustomizer tomcatEdgeCustomizer() {
        return new EdgeCustomizer();
    }

    /** Runs after Spring Boot's own customizers, so that its error report valve is there to be replaced. */
    static final class EdgeCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
            factory.addContextCustomizers(context -> useProblemReports((Host) context.getParent()));
            factory.addContextValves(new RefusedBodyValve());
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Replaces every error report valve of the host (Tomcat's default, Spring Boot's) with the problem one. */
    private static void useProblemReports(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
    }
}
