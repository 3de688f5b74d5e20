import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProvincialSignIn } from "@/components/auth/provincial-sign-in";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { provincialSignInConfigured } from "@/lib/auth/oidc/provincial-provider";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ activated?: string; signedOut?: string; provincial?: string; error?: string }>;
}) {
  const t = await getTranslations("signIn");
  const { activated, signedOut, provincial, error } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardHeader>
          <CardTitle as="h1">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {activated ? (
            <Alert variant="success" role="status">
              <AlertDescription>{t("activated")}</AlertDescription>
            </Alert>
          ) : null}
          {signedOut ? (
            <Alert role="status">
              <AlertDescription>{t("signedOut")}</AlertDescription>
            </Alert>
          ) : null}
          <Tabs defaultValue="citizen">
            <TabsList className="grid w-full grid-cols-2">
              <TabsTrigger value="citizen">{t("citizen.tab")}</TabsTrigger>
              <TabsTrigger value="staff">{t("staff.tab")}</TabsTrigger>
            </TabsList>
            <TabsContent value="citizen" className="grid gap-4 pt-4">
              <ProvincialSignIn configured={provincialSignInConfigured()} refusal={provincial} failed={Boolean(error)} />
              <SignInForm kind="citizen" />
              <p className="mt-4 text-sm text-muted-foreground">
                {t("noAccount")}{" "}
                <Link href="/activate" className="text-primary underline">
                  {t("activateLink")}
                </Link>
              </p>
            </TabsContent>
            <TabsContent value="staff" className="pt-4">
              <SignInForm kind="staff" />
            </TabsContent>
          </Tabs>
        </CardContent>
      </Card>
    </div>
  );
}
