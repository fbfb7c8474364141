package io.sartracker.service.page;

import io.sartracker.service.config.DryRun;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * The pages' language (the browser's, Japanese or English, switched with {@code ?lang=ja|en} and kept
 * in a cookie of the pages), the sign-in and refusal pages, and the dry run the exercise form previews with.
 */
@Configuration
public class PageConfig implements WebMvcConfigurer {
    static final Locale JAPANESE = Locale.JAPANESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    /** Japanese when the browser asks for it first, else English; a choice made on a page is kept. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tracker-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> supported(request.getLocale()));
        return resolver;
    }

    static Locale supported(Locale requested) {
        return requested != null && "ja".equals(requested.getLanguage()) ? JAPANESE : ENGLISH;
    }

    @Bean
    DryRun dryRun() {
        return new DryRun();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String lang = request.getParameter("lang");
                if (lang != null && !lang.equals("ja") && !lang.equals("en")) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }
        }).addPathPatterns("/", "/app/**", "/login");
    }

    /** {@code ?lang=ja} or {@code ?lang=en}; any other value is ignored. */
    private static class LanguageSwitch extends LocaleChangeInterceptor {
        LanguageSwitch() {
            setParamName("lang");
            setIgnoreInvalidLocale(true);
        }
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("app/login");
        registry.addViewController("/app/denied").setViewName("app/denied");
    }
}
