/** A template could not be read or compiled, or cannot be used as it is asked to be. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}
