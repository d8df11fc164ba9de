/**
 * Declarative JSON policy documents. Start with
 * {@link io.promethios.governance.policies.doc.PolicyDocuments} to load documents from a string,
 * a file, the classpath or a directory, and {@link io.promethios.governance.policies.doc.PolicyDirectory}
 * for a directory that can be reloaded while the application runs. Errors are
 * {@link io.promethios.governance.policies.doc.PolicyDocumentException}s naming the source, line,
 * column and field.
 */
package io.promethios.governance.policies.doc;
