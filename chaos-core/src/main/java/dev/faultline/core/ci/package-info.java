/**
 * Report formats that CI systems read: SARIF 2.1.0 for lint results (GitHub code scanning and
 * other SARIF viewers) and JUnit XML for experiment runs (a refuted hypothesis shows as a failed
 * test). Both are written from core values only, with no dependency beyond Jackson.
 */
package dev.faultline.core.ci;
