package io.sartracker.service.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Closes the data folder to other accounts before any bean opens the database in it, so the H2 file
 * is never readable by others, not even for the moment between its creation and a later fix; once
 * started, closes the files the start created (the database, the first administrator's password).
 */
class DataFolderPermissions implements BeanFactoryPostProcessor, EnvironmentAware,
        ApplicationListener<ApplicationStartedEvent> {
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        secure();
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        secure();
    }

    private void secure() {
        String dataDir = environment.getProperty("tracker.data-dir");
        if (dataDir == null || dataDir.isBlank()) {
            return;
        }
        Path folder = Path.of(dataDir);
        try {
            OwnerOnly.secureFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the data folder " + folder.toAbsolutePath()
                    + " to other accounts", e);
        }
    }
}
