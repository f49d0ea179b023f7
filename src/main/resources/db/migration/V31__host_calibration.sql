-- A host computes with a calibration (issue 16): NULL for the model's reference parameters. The foreign key keeps a
-- calibration that a host uses from being deleted (the service answers 409 first, naming the hosts).
ALTER TABLE hosts ADD COLUMN calibration_id UUID;
ALTER TABLE hosts ADD CONSTRAINT hosts_calibration_known FOREIGN KEY (calibration_id) REFERENCES calibrations (id);
CREATE INDEX hosts_calibration ON hosts (calibration_id);
