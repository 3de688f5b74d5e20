"use client";

import { ErrorView } from "@/components/errors/error-view";

export default ErrorView;
