-- Apicurio Registry keeps its schemas in a database of its own.
CREATE DATABASE apicurio OWNER casetrack;
