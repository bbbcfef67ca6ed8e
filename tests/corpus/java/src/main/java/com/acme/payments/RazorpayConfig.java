package com.acme.payments;

import com.razorpay.RazorpayClient;
import com.razorpay.RazorpayException;

public final class RazorpayConfig {
    private RazorpayConfig() {}

    public static RazorpayClient production() throws RazorpayException {
        return new RazorpayClient(System.getenv("RAZORPAY_KEY_ID"), System.getenv("RAZORPAY_KEY_SECRET"));
    }

    public static RazorpayClient sandbox() throws RazorpayException {
        return new RazorpayClient("rzp_test_8Qz8IpCRMRz5Ka", "eZQlQykEdBQQQx3h9IS87it8");
    }
}
