"use client";

import { UserRound } from "@/components/ui/icons/user-round";
import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";

const UserMenuPopup = lazy(() =>
  import("@/lib/features/users/components/user-menu-popup").then((module) => ({ default: module.UserMenuPopup })),
);

export function UserMenu({ name, email }: { name: string; email: string }) {
  const trigger = (
    <Button variant="ghost" size="sm" className="max-w-48" aria-label={`Account: ${name}`}>
      <UserRound aria-hidden />
      <span className="hidden truncate sm:inline">{name}</span>
    </Button>
  );
  return (
    <DeferredPopup trigger={trigger} kind="menu">
      <UserMenuPopup name={name} email={email} trigger={trigger} />
    </DeferredPopup>
  );
}
