import React from "react";
import { Button } from "react-native";
import RazorpayCheckout from "react-native-razorpay";

export function PayButton({ orderId, amount }: { orderId: string; amount: number }) {
  const onPress = () =>
    RazorpayCheckout.open({
      key: "rzp_live_etB7pYCsq3YJgV",
      order_id: orderId,
      amount,
      currency: "INR",
      name: "Acme",
    });
  return <Button title="Pay" onPress={onPress} />;
}
