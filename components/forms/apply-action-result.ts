import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type Failure = { ok: false; message: string; fieldErrors: Record<string, string> };

/** Shows a failed server action on the form: each field's error, and the summary at the top. */
export function applyActionFailure<T extends FieldValues>(setError: UseFormSetError<T>, result: Failure) {
  for (const [field, message] of Object.entries(result.fieldErrors)) {
    if (field !== "_form") setError(field as Path<T>, { type: "server", message });
  }
  setError("root.server", { type: "server", message: result.message });
}
