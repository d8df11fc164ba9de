/**
 * Not API. May change without notice. The pipeline's implementation: start at
 * {@code DefaultGovernancePipeline} (one turn) and {@code RealStageChain} (the chain).
 */
package io.promethios.governance.core.internal;
