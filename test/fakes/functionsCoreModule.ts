/**
 * What `@azure/functions-core` is in tests (jest.config.js `moduleNameMapper`): the local host's
 * shim, as the Functions worker provides the real module. Jest loads modules through its own
 * registry, so installFunctionsCoreShim's Module._load hook never sees them; the mapping gives
 * every test file the shim before `@azure/functions` registers anything.
 */
import { functionsCoreShim } from '../../local/functionsCoreShim';

export = functionsCoreShim;
