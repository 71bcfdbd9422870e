-- a second module's migration into the shared "primary" schema (MigrationsTest)
CREATE TABLE "primary".other_module_things (id bigint PRIMARY KEY);
