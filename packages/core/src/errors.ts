/** Base class of every error Addax raises on purpose, so callers can tell them from bugs. */
export class AddaxError extends Error {
  override name = 'AddaxError';
}

/** A shape does not fit the operation: wrong rank, mismatched dimensions, axis out of range. */
export class ShapeError extends AddaxError {
  override name = 'ShapeError';
}

/** A dtype does not fit the operation. */
export class DTypeError extends AddaxError {
  override name = 'DTypeError';
}

/** A keyword parameter of an operation is missing, malformed or out of range. */
export class ParameterError extends AddaxError {
  override name = 'ParameterError';
}

/** A backend is unknown, failed to start, or cannot run what was asked of it. */
export class BackendError extends AddaxError {
  override name = 'BackendError';
}

/** A traced (abstract) value was used where a concrete one is needed. */
export class ConcretizationError extends AddaxError {
  override name = 'ConcretizationError';
}
